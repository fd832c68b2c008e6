/**
 * App build: index.html + src/main.ts into dist/, with public/ copied as is (so public/models/*.onnx
 * are served at models/). Relative base, so dist/ works from any path. Workers are ES modules. No
 * COOP/COEP is required: single-threaded wasm is the baseline (the CLI may serve it isolated).
 * The library build lives in vite.lib.config.ts.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  publicDir: 'public',
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['onnxruntime-web', '@ffmpeg/ffmpeg'] },
  build: { outDir: 'dist', target: 'es2022' },
});
