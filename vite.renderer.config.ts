import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/// The entry module is small and loads the app (app/mount.tsx) itself once the library's first
/// rows are on screen. Announcing the app's chunks in the page lets the browser download them
/// meanwhile; as `prefetch` rather than `modulepreload`, so they are not also compiled while the
/// first rows are being drawn (on two busy cores that competes with the entry and the paint).
function preloadApp(): Plugin {
  return {
    name: 'qalam-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return [];
        const mount = Object.values(bundle).find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/app/mount.tsx'));
        if (!mount || mount.type !== 'chunk') throw new Error('The app chunk (app/mount.tsx) is missing from the build.');
        // Its imports include the entry itself, which the page loads already.
        const entries = new Set(Object.values(bundle).filter((c) => c.type === 'chunk' && c.isEntry).map((c) => c.fileName));
        const files = [mount.fileName, ...mount.imports].filter((f) => !entries.has(f));
        const styles = [...(mount.viteMetadata?.importedCss ?? [])];
        return [
          ...files.map((file) => ({ tag: 'link', attrs: { rel: 'prefetch', crossorigin: true, href: `./${file}` }, injectTo: 'head' as const })),
          ...styles.map((file) => ({ tag: 'link', attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `./${file}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}

// Builds renderer/ (kept out of that folder: the build runs in Node, the renderer never does).
// The renderer is served from files (Electron) or by browser mode: relative asset paths work for both.
export default defineConfig({
  root: fileURLToPath(new URL('./renderer/', import.meta.url)),
  base: './',
  plugins: [react(), preloadApp()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
