/**
 * Reusable graph fragments for expert models: convolutions with fixed kernels, patch pooling,
 * safe division. They keep the per-expert model files short and consistent.
 */
import type { GraphBuilder } from './graph-builder.ts';

/** Convolves a [N,1,H,W] tensor with a fixed 2-D kernel (valid padding unless `pads` given). */
export function conv2d(g: GraphBuilder, x: string, kernel: number[][], pads: [number, number, number, number] = [0, 0, 0, 0]): string {
  const kh = kernel.length;
  const kw = kernel[0]?.length ?? 0;
  const w = g.constant({ data: kernel.flat(), dims: [1, 1, kh, kw] }, 'kernel');
  return g.op('Conv', [x, w], { pads, kernel_shape: [kh, kw] });
}

/**
 * Mean over a window of `k` (odd) neighbours along each row of a [N,C,H,W] tensor, same size; at the
 * borders the window is cut and the mean is over the pixels inside it (an AveragePool with
 * count_include_pad 0 computes the same). Built as a per-channel convolution of ones over the
 * zero-padded rows, divided by each column's window count (one row, broadcast): a 1×k AveragePool
 * costs several times more on the wasm EP.
 */
export function rowWindowMean(g: GraphBuilder, x: string, k: number, channels = 1): string {
  const half = (k - 1) / 2;
  const ones = (c: number) => g.constant({ data: new Array<number>(c * k).fill(1), dims: [c, 1, 1, k] }, 'ones');
  const sum = g.op('Conv', [x, ones(channels)], { kernel_shape: [1, k], pads: [0, half, 0, half], group: channels });
  const oneRow = g.op('Mul', [g.op('Slice', [x, g.ints([0, 0, 0]), g.ints([1, 1, 1]), g.ints([0, 1, 2])]), g.scalar(0)]);
  const count = g.op('Conv', [g.op('Add', [oneRow, g.scalar(1)]), ones(1)], { kernel_shape: [1, k], pads: [0, half, 0, half] });
  return g.op('Div', [sum, count]);
}

/** Mean over non-overlapping patches: [N,1,H,W] → [N,1,H/p,W/p] (floor). */
export function patchMean(g: GraphBuilder, x: string, patch: number): string {
  return g.op('AveragePool', [x], { kernel_shape: [patch, patch], strides: [patch, patch] });
}

/** Mean over H and W: [N,C,H,W] → [N] (C must be 1). */
export function frameMean(g: GraphBuilder, x: string): string {
  return g.op('ReduceMean', [x, g.ints([1, 2, 3])], { keepdims: 0 });
}

/** a / (b + eps). */
export function safeDiv(g: GraphBuilder, a: string, b: string, eps = 1e-6): string {
  return g.op('Div', [a, g.op('Add', [b, g.scalar(eps)])]);
}

/** Drops the channel axis: [N,1,h,w] → [N,h,w]. */
export function squeezeChannel(g: GraphBuilder, x: string): string {
  return g.op('Squeeze', [x, g.ints([1])]);
}

/** Pads a [N,1,H,W] tensor by repeating its edge pixels: [top, left, bottom, right]. */
export function edgePad(g: GraphBuilder, x: string, pads: [number, number, number, number]): string {
  const [t, l, b, r] = pads;
  return g.op('Pad', [x, g.ints([0, 0, t, l, 0, 0, b, r])], { mode: 'edge' });
}

/**
 * |I(x+1) − I(x)| along the columns (`dx`) or rows (`dy`) of a [N,1,H,W] tensor, same size, the last
 * column/row zero (edge padding). One direction at a time, so a graph that reads one builds one: an
 * unused direction would still run. (Two shifted slices and a subtraction give the same values but
 * cost more than the padded two-tap convolution on the wasm EP.)
 */
export function absGradient(g: GraphBuilder, x: string, along: 'dx' | 'dy'): string {
  return along === 'dx' ? g.op('Abs', [conv2d(g, edgePad(g, x, [0, 0, 0, 1]), [[-1, 1]])]) : g.op('Abs', [conv2d(g, edgePad(g, x, [0, 0, 1, 0]), [[-1], [1]])]);
}

/**
 * Absolute forward differences |I(x+1)-I(x)| and |I(y+1)-I(y)|, same size as the input
 * (the last column/row is zero, as with edge padding).
 */
export function absGradients(g: GraphBuilder, x: string): { dx: string; dy: string } {
  return { dx: absGradient(g, x, 'dx'), dy: absGradient(g, x, 'dy') };
}
