/**
 * The full-reference model (built at build time by scripts/build-models.ts into
 * public/models/fullref.onnx; not a quality expert and not in the expert catalogue). Inputs `a` and
 * `b`: one plane of two encodes, [N,1,H,W], 8-bit code values as floats. Outputs per frame:
 * `mse` [N], the mean squared difference (PSNR follows on the caller's side), and `ssim` [N], the
 * mean SSIM as ffmpeg's `ssim` filter defines it (the x264 formulation): 8x8 windows on a 4-pixel
 * grid over the floor(W/4)x floor(H/4) 4x4 blocks, (W/4 − 1)(H/4 − 1) windows, with the integer
 * constants c1 = round(0.01²·255²·64) and c2 = round(0.03²·255²·64·63) applied to the windows'
 * pixel sums (source: libavfilter/vf_ssim.c, `ssim_end1`).
 */
import { GraphBuilder } from '../../scripts/onnx/graph-builder.ts';

/** ffmpeg's SSIM constants, in the units of sums over an 8x8 window. */
const C1 = Math.trunc(0.01 * 0.01 * 255 * 255 * 64 + 0.5);
const C2 = Math.trunc(0.03 * 0.03 * 255 * 255 * 64 * 63 + 0.5);
/** The same constants divided by 64², for window means instead of sums. */
const C1M = C1 / 4096;
const C2M = C2 / 4096;

/** Builds the full-reference model's bytes. */
export function buildModel(): Uint8Array {
  const g = new GraphBuilder('fullref');
  const a = g.input('a', ['N', 1, 'H', 'W']);
  const b = g.input('b', ['N', 1, 'H', 'W']);
  const mul = (x: string, y: string) => g.op('Mul', [x, y]);
  const add = (x: string, y: string) => g.op('Add', [x, y]);
  const sub = (x: string, y: string) => g.op('Sub', [x, y]);

  // MSE: row means first, then the mean of rows, so float32 sums stay short.
  const d = sub(a, b);
  const rows = g.op('ReduceMean', [mul(d, d), g.ints([3])], { keepdims: 1 });
  const mse = g.op('ReduceMean', [rows, g.ints([1, 2, 3])], { keepdims: 0 });

  // SSIM: means over 4x4 blocks (stride 4, the partial blocks at the right and bottom dropped), then
  // over 2x2 neighbouring blocks (stride 1): the 8x8 windows on a 4-pixel grid. Second moments are
  // taken of values centred on 128 so float32 keeps the variances exact enough.
  const window = (x: string) => g.op('AveragePool', [g.op('AveragePool', [x], { kernel_shape: [4, 4], strides: [4, 4] })], { kernel_shape: [2, 2], strides: [1, 1] });
  const mid = g.scalar(128);
  const ac = sub(a, mid);
  const bc = sub(b, mid);
  const ma = window(ac);
  const mb = window(bc);
  const varSum = sub(add(window(mul(ac, ac)), window(mul(bc, bc))), add(mul(ma, ma), mul(mb, mb)));
  const cov = sub(window(mul(ac, bc)), mul(ma, mb));
  const ua = add(ma, mid);
  const ub = add(mb, mid);
  const two = g.scalar(2);
  const lum = g.op('Div', [add(mul(two, mul(ua, ub)), g.scalar(C1M)), add(add(mul(ua, ua), mul(ub, ub)), g.scalar(C1M))]);
  const cs = g.op('Div', [add(mul(two, cov), g.scalar(C2M)), add(varSum, g.scalar(C2M))]);
  const ssim = g.op('ReduceMean', [mul(lum, cs), g.ints([1, 2, 3])], { keepdims: 0 });

  g.output(mse, 'mse', ['N']);
  g.output(ssim, 'ssim', ['N']);
  return g.toBytes();
}
