import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Builds browser mode's first screen for Node (renderer/src/boot/servedFirstScreen.ts): the
// markup the entry module draws, as one module `qalam serve` loads, so the server draws the same
// screen into the page it serves. Part of `npm run build:renderer`.
export default defineConfig({
  build: {
    ssr: fileURLToPath(new URL('./renderer/src/boot/servedFirstScreen.ts', import.meta.url)),
    outDir: fileURLToPath(new URL('./dist/first-screen', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    rollupOptions: { output: { entryFileNames: 'first-screen.js' } },
  },
});
