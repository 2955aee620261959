import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { mnistAssets } from './scripts/vite-mnist-assets.js';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * The browser playground (issue 6): `vite --config vite.config.ts` serves web/ on 127.0.0.1,
 * `vite build --config vite.config.ts` writes the static site to web/dist.
 *
 * Both servers bind the loopback address only, and the dev server may read only web/, src/
 * (the library the page imports) and the dependencies in node_modules: no other file of the
 * checkout (package.json, .git, test data) is reachable through /@fs/.
 */
export default defineConfig({
  root: here('./web'),
  base: './',
  publicDir: false,
  // No SPA fallback: an unknown path is a 404, not index.html.
  appType: 'mpa',
  plugins: [mnistAssets()],
  // The page is a consumer of the library: `import { … } from 'gradlab'` is its public entry.
  resolve: { alias: { gradlab: here('./src/index.ts') } },
  server: {
    host: '127.0.0.1',
    port: 5173,
    fs: {
      strict: true,
      allow: [here('./web'), here('./src'), here('./node_modules')],
    },
  },
  preview: { host: '127.0.0.1', port: 4173 },
  worker: { format: 'es' },
  build: {
    outDir: here('./web/dist'),
    emptyOutDir: true,
    target: 'es2022',
    // vega + vega-lite are one large chunk by design; the warning would only be noise.
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // One named chunk for the chart renderer, so the page's own modules stay small and legible.
        codeSplitting: { groups: [{ name: 'vega', test: /node_modules[\\/]vega/ }] },
      },
    },
  },
});
