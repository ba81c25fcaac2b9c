// Environment boundaries (STYLE.md 1): a wrong import fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'worker_threads'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', '.data/**', 'db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Tests may not be focused; skipped tests need a reason in a comment and are reviewed.
      'no-restricted-properties': ['error',
        { object: 'it', property: 'only' }, { object: 'test', property: 'only' }, { object: 'describe', property: 'only' }],
    },
  },
  {
    files: ['db/**/*.ts'],
    ignores: ['db/**/*.test.ts', 'db/**/*-node.ts', 'db/drizzle.*.config.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'db/ is shared with the server: no Electron.' },
          { group: ['react', 'react-dom', 'react/*'], message: 'db/ has no UI.' },
          { group: ['fastify', 'fastify/*', '@electric-sql/client', ...nodeBuiltins], message: 'db/ is pure: no HTTP, no Node I/O.' },
          { group: ['../main/*', '../sync-server/*', '../renderer/*', '../../main/*', '../../sync-server/*', '../../renderer/*'], message: 'db/ depends on nothing above it.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      // Type-only imports of the API pull Node's types into the renderer's typecheck; these
      // globals would compile there but do not exist in the sandboxed page.
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname', '__filename', 'global'],
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*', 'better-sqlite3', 'keytar', ...nodeBuiltins], message: 'renderer/ talks to main only through the typed API.' },
        ],
      }],
    },
  },
  {
    files: ['main/**/*.ts', 'sync-server/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['electron', 'electron/*'], message: 'Only main/electron/ may import electron (tests run in plain Node).' }],
      }],
    },
  },
);
