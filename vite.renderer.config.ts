import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Builds renderer/ (kept out of that folder: the build runs in Node, the renderer never does).
// The renderer is served from files (Electron) or by browser mode: relative asset paths work for both.
// The page announces no chunks beyond its small entry (no prefetch or preload links): the entry draws
// the library's first rows and only then loads the app (app/mount.tsx); downloading the app's 230 KB
// beside the entry and its first call delayed the first rows by about 130 ms on two busy cores.
export default defineConfig({
  root: fileURLToPath(new URL('./renderer/', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
