/**
 * Generates public/models/external-demo.onnx: a tiny stand-in for a user's FAST-VQA-style export,
 * with the same input signature ([1, 3, T, 224, 224] NCTHW fragments of a 7x7 grid of 32x32) and a
 * scalar output: the mean over frames and fragments of the fragment's luma-like standard deviation
 * (in normalised units). It is not a shipped expert and has no src/experts/<id>/ folder; it exists
 * to test and demonstrate the external-expert path. `npx tsx scripts/build-external-demo.ts`.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GraphBuilder } from './onnx/graph-builder.ts';

/** Frames per clip of the demo model. */
export const DEMO_FRAMES = 4;

/** Builds the demo model bytes. */
export function buildExternalDemo(t = DEMO_FRAMES): Uint8Array {
  const g = new GraphBuilder('external-demo');
  const x = g.input('x', [1, 3, t, 224, 224]);
  const gray = g.op('ReduceMean', [x, g.ints([1])], { keepdims: 0 }); // [1, T, 224, 224]
  const pool = (v: string) => g.op('AveragePool', [v], { kernel_shape: [32, 32], strides: [32, 32] });
  const mean = pool(gray);
  const variance = g.op('Relu', [g.op('Sub', [pool(g.op('Mul', [gray, gray])), g.op('Mul', [mean, mean])])]);
  const score = g.op('ReduceMean', [g.op('Sqrt', [variance]), g.ints([1, 2, 3])], { keepdims: 0 }); // [1]
  g.output(score, 'score', [1]);
  return g.toBytes();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = resolve(import.meta.dirname, '../public/models/external-demo.onnx');
  writeFileSync(out, buildExternalDemo());
  console.log(`wrote ${out}`);
}
