// How the shell is bundled (npm run build:electron). Both bundles are CommonJS: a sandboxed
// preload cannot be an ES module, and the package is "type": "module", so anything left to
// defaults would come out as ESM.
import { join } from 'node:path';
import type { BuildOptions } from 'esbuild';

export const electronOutDir = (root: string) => join(root, 'dist', 'electron');

/**
 * The preload runs in Chromium's sandbox, where require() knows only 'electron' (and a few
 * polyfills): everything else it uses is bundled in, and the bundle must stay that way.
 */
export function preloadBuildOptions(root: string): BuildOptions {
  return {
    entryPoints: [join(root, 'main', 'electron', 'preload.ts')],
    outfile: join(electronOutDir(root), 'preload.cjs'),
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'chrome140',
    external: ['electron'],
    logLevel: 'warning',
  };
}

/**
 * The main process: our own code bundled, every npm package left to Node's resolution from
 * the repository's node_modules (native modules such as better-sqlite3, keytar and argon2
 * cannot be bundled; PGlite loads its wasm beside itself).
 *
 * import.meta.url does not exist in CommonJS; it is defined from __filename instead. The
 * bundle sits two folders below the root (dist/electron/), as the sources do (main/store/,
 * sync-server/store/), so their `new URL('../../db/migrations/...', import.meta.url)` still
 * finds db/migrations. A packaged app must ship db/migrations beside dist/.
 */
export function mainBuildOptions(root: string): BuildOptions {
  return {
    entryPoints: [join(root, 'main', 'electron', 'main.ts')],
    outfile: join(electronOutDir(root), 'main.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    // Electron 45 runs Node 22+, which can require() the ES-module-only packages we use.
    target: 'node22',
    packages: 'external',
    define: { 'import.meta.url': '__frontdeskModuleUrl' },
    // "use strict" first: the sources are ES modules (strict), and a banner before esbuild's own directive would demote it.
    banner: { js: '"use strict";\nconst __frontdeskModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
    logLevel: 'warning',
  };
}
