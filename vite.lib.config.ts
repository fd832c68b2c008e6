/**
 * Library build: `src/index.ts` (the analyzer API) and `src/widget.ts` (the `<qrouter-analyzer>`
 * element) as ES modules in dist-lib/, with the analysis worker and onnxruntime-web's wasm emitted as
 * separate files. (Vite's `build.lib` mode inlines every asset as base64, which would put the
 * ~28 MB wasm into each worker; a plain build with script entries keeps them apart.)
 * Models are not bundled: serve public/models/ and point `modelBaseUrl` at it.
 * Type declarations come from `tsc -p tsconfig.lib.json` into dist-lib/types/.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  publicDir: false,
  worker: { format: 'es' },
  build: {
    outDir: 'dist-lib',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    minify: false,
    rolldownOptions: {
      input: { index: 'src/index.ts', widget: 'src/widget.ts' },
      preserveEntrySignatures: 'strict',
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
});
