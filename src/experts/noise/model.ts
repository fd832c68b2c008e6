/**
 * Noise expert: the level of a second-order high-pass residual (the 3×3 kernel that is blind to
 * flat areas and linear ramps) read only where the picture has the least structure, so texture is
 * not taken for noise. Per 16-px block, σ ≈ √(π/2)/6 · mean|residual|; blocks that are clipped to
 * black or white (where noise cannot show) are left out. Frame score: mean σ of the flattest
 * `LOWEST` fraction of blocks. Map: per patch, the σ of its flattest block.
 */
import { GraphBuilder } from '../../../scripts/onnx/graph-builder.ts';
import { conv2d, edgePad, squeezeChannel } from '../../../scripts/onnx/ops.ts';
import { lowestMean, ramp } from '../../../scripts/onnx/ops-stats.ts';
import meta from './meta.json' with { type: 'json' };

const BLOCK = 16;
const LOWEST = 0.1;
/** Added to clipped blocks so they never count among the flattest. */
const EXCLUDED = 1000;
const RESIDUAL = [
  [1, -2, 1],
  [-2, 4, -2],
  [1, -2, 1],
];

/** Builds the noise model. */
export function buildModel(): Uint8Array {
  const g = new GraphBuilder(meta.id);
  const x = g.input('x', ['N', 1, 'H', 'W']);
  const p = meta.inputs.patch;
  const scale = Math.sqrt(Math.PI / 2) / 6;
  const res = g.op('Abs', [conv2d(g, edgePad(g, x, [1, 1, 1, 1]), RESIDUAL.map((r) => r.map((v) => v * scale)))]);
  const pool = (t: string, k: number) => g.op('AveragePool', [t], { kernel_shape: [k, k], strides: [k, k] });
  const sigma = pool(res, BLOCK);
  const level = pool(x, BLOCK);
  // 1 for blocks with room for noise both ways, 0 for blocks clipped at black or white.
  const usable = g.op('Mul', [ramp(g, level, 4, 12), g.op('Sub', [g.scalar(1), ramp(g, level, 243, 251)])]);
  const penalty = g.op('Mul', [g.op('Sub', [g.scalar(1), usable]), g.scalar(EXCLUDED)]);
  const ranked = g.op('Add', [sigma, penalty]);
  const lowest = lowestMean(g, ranked, LOWEST);
  const usableOnly = (v: string) => g.op('Where', [g.op('Less', [v, g.scalar(EXCLUDED / 2)]), v, g.scalar(0)]);
  // A frame with (almost) no usable block reads 0: no evidence of noise.
  const score = usableOnly(lowest);
  const k = p / BLOCK;
  const patchMin = g.op('Neg', [g.op('MaxPool', [g.op('Neg', [ranked])], { kernel_shape: [k, k], strides: [k, k] })]);
  const map = usableOnly(patchMin);
  g.output(score, 'score', ['N']);
  g.output(squeezeChannel(g, map), 'map', ['N', 'Ph', 'Pw']);
  return g.toBytes();
}
