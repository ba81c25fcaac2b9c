// Run from the repository root: vite build --config renderer/vite.config.ts
// eslint-disable-next-line no-restricted-imports -- the build config runs in Node, never in the page.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  // Relative asset paths: the same build is served by the browser host and loaded from file:// by Electron.
  base: './',
  plugins: [react()],
  build: {
    // Relative to root.
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Two pages, one build: the desk, and the patients' kiosk (its own small app, no desk code).
    rolldownOptions: {
      input: {
        desk: fileURLToPath(new URL('./index.html', import.meta.url)),
        kiosk: fileURLToPath(new URL('./kiosk.html', import.meta.url)),
      },
    },
    // Nothing inlined as data: or <script>: the host's CSP allows only 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: true,
    // React, FullCalendar and the Temporal polyfill in one file, loaded from disk: size is not a concern.
    chunkSizeWarningLimit: 1_000,
  },
});
