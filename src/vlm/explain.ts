/**
 * A short paragraph per artifact event, for the inspect tier. With a loaded vision-language model the
 * model writes it, looking at the keyframe nearest the event and grounded on the event's measured
 * facts; otherwise (or when the model fails) the project's own sentences say what the artifact is,
 * where and when it was seen, and what usually causes and fixes it.
 */
import { ARTIFACT_NOUN, regionText, spanText } from '../answer/evidence.ts';
import type { ArtifactType, Report, ReportArtifact } from '../report/types.ts';
import type { Keyframe } from '../router/types.ts';
import { describeWithin, messageOf, type VlmBackend } from './backend.ts';
import { keyframeDataUrl } from './png.ts';

/** One event's explanation. */
export interface EventExplanation {
  /** Index of the event in `report.artifacts`. */
  index: number;
  type: ArtifactType;
  text: string;
  by: 'rules' | 'vlm';
}

/** What each artifact looks like and what usually causes it and helps. */
const CAUSES: Record<ArtifactType, string> = {
  blur: 'Fine detail is lost, as from missed focus, motion blur, heavy denoising or upscaling from a smaller source. Check focus and shutter speed, or export at the source resolution.',
  blocking: 'The picture breaks into square blocks, the sign of too few bits for the encoder. Raise the bit rate or lower the CRF for this part, or use a slower preset.',
  noise: 'Grain or speckle covers flat areas, typical of a small sensor in low light or a high ISO. Add light, lower the ISO, or denoise before encoding (noise also costs bits).',
  banding: 'Smooth gradients show steps, from too few levels (8-bit encoding of a soft gradient, or strong compression). Add a little dither or grain, or encode with 10 bits.',
  overexposure: 'Bright areas are clipped to white and hold no detail. Lower the exposure or use a flatter picture profile; clipped detail cannot be recovered afterwards.',
  underexposure: 'Shadows are crushed to black. Add light or raise the exposure; lifting the shadows in post also lifts their noise.',
  freeze: 'The same picture repeats while time runs on, as from a stalled capture, a dropped stream or a still inserted by an editor. Check the source and the capture chain.',
  black: 'The frames are black, as from a cut to black, a lens cap or a lost signal. Trim them if they are not intended.',
  flicker: 'Brightness jumps from frame to frame, as under mains-powered lights with a shutter that does not match their frequency. Match the shutter to the lights (1/50 or 1/60 s) or deflicker in post.',
  stutter: 'Motion does not advance evenly: frames were dropped or repeated, or timestamps are uneven. Record and export at the same constant frame rate.',
  interlacing: 'Moving edges show combing, the two fields of an interlaced source woven into one frame. Deinterlace (for example with yadif or bwdif) before encoding.',
};

/** The project's own paragraph for one event. */
export function ruleExplanation(e: ReportArtifact): string {
  const strength = e.severity >= 0.65 ? 'Strong' : e.severity >= 0.35 ? 'Moderate' : 'Slight';
  return `${strength} ${ARTIFACT_NOUN[e.type]} at ${spanText(e)}, in ${regionText(e.region)}. ${CAUSES[e.type]}`;
}

/** The keyframe nearest the middle of an event. */
function nearest(keyframes: readonly Keyframe[], e: ReportArtifact): Keyframe | undefined {
  const mid = (e.startS + e.endS) / 2;
  return [...keyframes].sort((a, b) => Math.abs(a.tS - mid) - Math.abs(b.tS - mid))[0];
}

/** Options of `explainEvents`. */
export interface ExplainOptions {
  vlm?: VlmBackend;
  keyframes?: readonly Keyframe[];
  /** How long the model may take per event (default 15 s). */
  timeoutMs?: number;
  /** At most this many events are explained (default 12), the most severe first. */
  maxEvents?: number;
  signal?: AbortSignal;
}

/** One paragraph per artifact event of the report (the most severe first). */
export async function explainEvents(report: Report, options: ExplainOptions = {}): Promise<EventExplanation[]> {
  const order = report.artifacts
    .map((e, index) => ({ e, index }))
    .sort((a, b) => b.e.severity - a.e.severity)
    .slice(0, options.maxEvents ?? 12);
  const out: EventExplanation[] = [];
  for (const { e, index } of order) {
    const rules = ruleExplanation(e);
    if (!options.vlm) {
      out.push({ index, type: e.type, text: rules, by: 'rules' });
      continue;
    }
    try {
      out.push({ index, type: e.type, text: await explainWithModel(options.vlm, report, e, rules, options), by: 'vlm' });
    } catch (err) {
      if (options.signal?.aborted) throw err;
      out.push({ index, type: e.type, text: `${rules} (The vision-language model could not explain it: ${messageOf(err)}.)`, by: 'rules' });
    }
  }
  return out;
}

async function explainWithModel(vlm: VlmBackend, report: Report, e: ReportArtifact, rules: string, options: ExplainOptions): Promise<string> {
  const frame = options.keyframes ? nearest(options.keyframes, e) : undefined;
  return describeWithin(
    vlm,
    {
      system: 'You explain one video quality problem to a video creator in three sentences at most: what it looks like here, the likely cause, and what to do. Use only the measurements given and the image.',
      user: `Video ${report.input.name}, ${report.input.width}x${report.input.height}, content ${report.route.contentType}.\nMeasured: ${rules}\n${frame ? `The image is the frame at ${frame.tS.toFixed(1)} s.` : 'No image is attached.'}`,
    },
    frame ? [keyframeDataUrl(frame)] : [],
    options.timeoutMs ?? 15_000,
    options.signal,
  );
}
