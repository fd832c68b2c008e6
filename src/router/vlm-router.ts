/**
 * The vision-language-model router. It shows the model a few keyframes, the probe's measurements and
 * the expert catalogue, asks for a plan as JSON constrained by a schema, and accepts the answer only
 * when it validates (content type from the vocabulary, known expert ids, weights in 0..1). A missing
 * model, a timeout, a failed call or a refused answer rejects with a sentence saying why; the route
 * stage then uses the fast router and records that sentence in the report.
 *
 * The model itself is a `VlmBackend`: WebLLM in its own worker, or a local OpenAI-compatible server,
 * reached from the analysis worker through a MessagePort (`src/vlm/port.ts`).
 */
import { messageOf, type VlmBackend } from '../vlm/backend.ts';
import { keyframeDataUrl } from '../vlm/png.ts';
import { buildRoutePrompt, MAX_ROUTE_IMAGES, routeSchema } from '../vlm/route-prompt.ts';
import { parseRouteAnswer } from '../vlm/route-validate.ts';
import type { Keyframe, RouteContext, RoutePlan, Router } from './types.ts';

export type { VlmBackend, VlmPrompt, JsonSchema } from '../vlm/backend.ts';

/** Default time the model may take to answer, below the route stage's own limit. */
export const VLM_ROUTE_TIMEOUT_MS = 15_000;

/** Why the VLM router could not give a plan; `message` is a sentence for the report. */
export class VlmRouteError extends Error {
  constructor(
    readonly reason: 'unavailable' | 'timeout' | 'failed' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'VlmRouteError';
  }
}

/** Options of the VLM router. */
export interface VlmRouterOptions {
  /** How long the model may take, in ms (default: the backend's `routeTimeoutMs`, else {@link VLM_ROUTE_TIMEOUT_MS}). */
  timeoutMs?: number;
  /** How many keyframes to show it (default and maximum {@link MAX_ROUTE_IMAGES}). */
  maxImages?: number;
}

/** Up to `n` keyframes spread evenly over the ones the probe kept. */
export function pickKeyframes(frames: readonly Keyframe[], n: number): Keyframe[] {
  if (frames.length <= n) return [...frames];
  return Array.from({ length: n }, (_, i) => frames[Math.round((i * (frames.length - 1)) / Math.max(1, n - 1))]!);
}

/** Routes with a vision-language model. */
export class VlmRouter implements Router {
  readonly kind = 'vlm' as const;
  private readonly timeoutMs: number | undefined;
  private readonly maxImages: number;

  constructor(
    private readonly backend: VlmBackend | undefined,
    options: VlmRouterOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs;
    this.maxImages = Math.max(0, Math.min(MAX_ROUTE_IMAGES, options.maxImages ?? MAX_ROUTE_IMAGES));
  }

  async plan(ctx: RouteContext, signal?: AbortSignal): Promise<RoutePlan> {
    const backend = this.backend;
    if (!backend) {
      throw new VlmRouteError('unavailable', 'no vision-language model is loaded in this page (its weights are downloaded only when you opt in)');
    }
    const frames = pickKeyframes(ctx.probe.keyframes, this.maxImages);
    const prompt = buildRoutePrompt(ctx, frames.map((k) => k.tS));
    const images = frames.map(keyframeDataUrl);
    const timeoutMs = this.timeoutMs ?? backend.routeTimeoutMs ?? VLM_ROUTE_TIMEOUT_MS;
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new VlmRouteError('timeout', `${backend.label} did not answer within ${fmtS(timeoutMs)}`)), timeoutMs);
    const onAbort = () => timeout.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    let text: string;
    try {
      text = await backend.routeJson(prompt, images, routeSchema(ctx), timeout.signal);
    } catch (err) {
      if (signal?.aborted) throw err;
      if (timeout.signal.aborted && timeout.signal.reason instanceof VlmRouteError) throw timeout.signal.reason;
      throw new VlmRouteError('failed', `${backend.label} failed: ${messageOf(err)}`);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
    const checked = parseRouteAnswer(text, ctx);
    if (!checked.ok) throw new VlmRouteError('invalid', `the answer of ${backend.label} was refused: ${checked.problem}`);
    return { ...checked.plan, reasons: [...checked.plan.reasons, `Planned by ${backend.label} from ${frames.length} keyframe${frames.length === 1 ? '' : 's'}.`] };
  }
}

function fmtS(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * The VLM router for a run. With no backend (nothing loaded, nothing configured) its `plan` rejects
 * at once with the reason, so the route stage falls back to the fast router and says why.
 */
export function createVlmRouter(backend: VlmBackend | undefined, options?: VlmRouterOptions): Router {
  return new VlmRouter(backend, options);
}
