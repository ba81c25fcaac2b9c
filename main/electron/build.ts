// npm run build:electron -> dist/electron/main.cjs and dist/electron/preload.cjs.
import { build } from 'esbuild';
import { electronOutDir, mainBuildOptions, preloadBuildOptions } from './build-options';

const root = process.cwd();
await Promise.all([build(mainBuildOptions(root)), build(preloadBuildOptions(root))]);
console.log(`Electron shell built in ${electronOutDir(root)}.`);
