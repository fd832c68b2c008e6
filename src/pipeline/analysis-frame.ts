/**
 * Turns copied decoder planes into the planes the spatial experts read: full- and limited-range luma,
 * RGB and row-preserving luma, each made only when some planned expert asks for it.
 */
import type { ExpertMeta } from '../experts/types.ts';
import type { YuvPlanes } from '../frames/frame-pixels.ts';
import { convertRange, lumaAt, lumaRowsAndAt, rgbAt, yuvAt } from '../frames/frame-planes.ts';
import { sampledYuvAt } from '../frames/sampled-planes.ts';
import type { AnalysisFrame } from './batches.ts';

type Size = { width: number; height: number };

/** Which plane kinds a set of spatial experts needs. */
export interface PlaneNeeds {
  rgb: boolean;
  rows: boolean;
  limited: boolean;
  yuv: boolean;
}

/** The plane kinds the experts read. */
export function planeNeeds(experts: readonly ExpertMeta[]): PlaneNeeds {
  return {
    rgb: experts.some((m) => m.inputs.planes === 'rgb'),
    rows: experts.some((m) => m.inputs.keepRows === true),
    limited: experts.some((m) => m.inputs.planes === 'luma' && m.inputs.lumaRange === 'limited'),
    yuv: experts.some((m) => m.inputs.planes === 'yuv'),
  };
}

/**
 * Where a frame's planes may be written: an array of `length` values for a plane kind, or undefined
 * (the plane gets its own array). Arrays must be zeroed, as new ones are.
 */
export type PlaneAlloc = (kind: 'luma' | 'limited' | 'rows' | 'yuv' | 'rgb', length: number) => Float32Array | undefined;

/**
 * One analysis frame at `size` (rows-preserving planes at `rowsSize`). `alloc` places the planes
 * (a batch's frames side by side in one tensor, `raw-batch.ts`); the values are the same either way.
 */
export function toAnalysisFrame(pixels: YuvPlanes, index: number, tS: number, size: Size, rowsSize: Size, needs: PlaneNeeds, alloc?: PlaneAlloc): AnalysisFrame {
  const n = size.width * size.height;
  const shrunk = size.width !== pixels.width || size.height !== pixels.height;
  const yuvOut = needs.yuv ? alloc?.('yuv', size.width * (size.height + Math.floor(size.height / 2))) : undefined;
  // One resample in limited range; the full-range plane is a linear conversion of it. Rows that keep
  // every source row at the analysis width share their horizontal pass with it.
  const shared = needs.rows && rowsSize.width === size.width && rowsSize.height === pixels.height && size.height <= pixels.height;
  const limitedOut = needs.limited ? alloc?.('limited', n) : undefined;
  const both = shared ? lumaRowsAndAt(pixels, size.width, size.height, 'limited', { rows: alloc?.('rows', size.width * pixels.height), luma: limitedOut }) : undefined;
  const limited = both?.luma ?? lumaAt(pixels, size.width, size.height, 'limited', limitedOut);
  const full = alloc?.('luma', n) ?? new Float32Array(n);
  full.set(limited.data);
  const luma = { ...limited, data: convertRange(full, 'limited', 'full') };
  return {
    index,
    tS,
    scale: pixels.width / size.width,
    luma,
    lumaLimited: needs.limited ? limited : undefined,
    rgb: needs.rgb ? rgbAt(pixels, size.width, size.height, limited, alloc?.('rgb', 3 * n)) : undefined,
    rows: needs.rows ? (both?.rows ?? lumaAt(pixels, rowsSize.width, rowsSize.height, 'full', alloc?.('rows', rowsSize.width * rowsSize.height))) : undefined,
    // A shrunk frame's `yuv` plane keeps the source's own pixels (sampled-planes.ts): its experts read per-pixel grain and steps.
    yuv: needs.yuv ? (shrunk ? sampledYuvAt(pixels, size.width, size.height, yuvOut) : yuvAt(pixels, luma, yuvOut)) : undefined,
  };
}
