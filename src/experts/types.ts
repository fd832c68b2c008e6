/**
 * Expert metadata and the tensor contract every expert model follows.
 *
 * Spatial experts: input `x` float32 [N, C, H, W] with pixel values 0..255 (C = 1 for luma, 3 for RGB).
 * Temporal experts: input `x` float32 [T, 1, H, W] of consecutive frames and, when
 * `inputs.timestamps` is set, `t` float32 [T] (presentation times in seconds).
 * Outputs of both kinds: `score` float32 [N] (one raw value per frame, in `unit`) and
 * `map` float32 [N, Ph, Pw] (the same quantity per patch of `patch` pixels), unless the expert has a
 * post-processor (`post: true`) that turns its named outputs into `score` and `map`.
 */
import type { ArtifactType } from '../report/types.ts';

/** What an expert's model takes as input. */
export interface ExpertInputs {
  /**
   * Pixel planes: luma (BT.601 Y, 0..255), RGB, or `yuv`: one plane [N, 1, H + ⌊H/2⌋, W] with full-range
   * luma on top and, in the rows below, Cb (left half) and Cr (right half) at half size in limited-range
   * code values (what a 4:2:0 decoder coded, read without converting every pixel to RGB).
   */
  planes: 'luma' | 'rgb' | 'yuv';
  /** `analysis`: sampled frames at the tier's analysis size; `temporal`: every frame, small. */
  stream: 'analysis' | 'temporal';
  /** Temporal experts that also read presentation timestamps. */
  timestamps?: boolean;
  /** Side of the square patch the map is computed on, in input pixels. */
  patch: number;
  /** Smallest input side the model accepts. */
  minSide?: number;
  /**
   * Luma range the model reads: `full` (0..255, the default; what ffmpeg's gray gives) or `limited`
   * (BT.601 video range, black 16 and white 235, as MATLAB's rgb2ycbcr and decoders' Y planes).
   */
  lumaRange?: 'full' | 'limited';
  /** Analysis frames are resampled horizontally only, so single-line structure (interlacing) survives. */
  keepRows?: boolean;
  /**
   * The model also reads `scale`, float32 [1]: source pixels per analysis pixel (1 for a frame read at
   * its own size, 4/3 for 720p read at 960x540, 2 for 1080p), for what the source's size moves.
   */
  scale?: boolean;
}

/** How per-frame raw values become one video-level raw value. */
export type Pooling = 'mean' | 'median' | 'p90' | 'p10' | 'max' | 'min';

/** Light metadata of one expert; the router, fusion and UI read only this. */
export interface ExpertMeta {
  id: string;
  label: string;
  kind: 'spatial' | 'temporal';
  /** The artifact this expert detects, if any. */
  artifact?: ArtifactType;
  /** True when a larger raw value means worse quality. */
  lowerIsBetter: boolean;
  /** Raw values mapped onto 0..100: `range[0]` and `range[1]` are the ends of the useful scale. */
  range: [number, number];
  unit: string;
  /** Per-frame raw value above (or below, for higher-is-better experts) which a frame shows the artifact. */
  threshold?: number;
  pool: Pooling;
  /** Measured cost per frame at 540p on the wasm path, in milliseconds. */
  costPerFrameMs: number;
  requires: ('webgpu')[];
  /** Model path relative to the model base URL. */
  model: string;
  inputs: ExpertInputs;
  /** The model emits named features that a post-processor in the expert's folder turns into scores. */
  post?: boolean;
  /**
   * What the expert's measure takes for granted about the picture: `natural-scene-statistics` means it
   * compares against statistics of camera photographs, so it misleads on screen content, animation,
   * games and test patterns (the router leaves it out there); `screen-content` means it reads text and
   * UI on flat fills, and camera texture misleads it (the router runs it on screen content only).
   */
  assumes?: ('natural-scene-statistics' | 'screen-content')[];
  /** Short description shown in the UI. */
  description: string;
}

/** Per-frame output of an expert after post-processing. */
export interface ExpertFrameOutput {
  /** One raw value per frame. */
  score: Float32Array;
  /** Per-patch raw values, [N, ph, pw] flattened. */
  map: Float32Array;
  ph: number;
  pw: number;
}
