/**
 * The contract every vision-language backend meets, wherever it runs: WebLLM in its own worker
 * (`webllm-backend.ts`), a local OpenAI-compatible server (`openai-backend.ts`), or either one reached
 * from the analysis worker through a MessagePort (`port.ts`). Callers build the prompt and validate
 * the answer; a backend only carries text and images to the model and its text back.
 */

/** A prompt in two parts: the standing instructions and this request. */
export interface VlmPrompt {
  system: string;
  user: string;
}

/** A JSON Schema object, passed to the model to constrain its output. */
export type JsonSchema = Record<string, unknown>;

/** A loaded vision-language model the analysis may use. */
export interface VlmBackend {
  /** Who answers, for reports and logs, e.g. `webllm:Phi-3.5-vision-instruct-q4f16_1-MLC`. */
  readonly label: string;
  /** How long a routing answer may take on this backend, in ms (the router's default when absent). */
  readonly routeTimeoutMs?: number;
  /**
   * Asks for a JSON document constrained by `schema`, looking at `images` (data URLs), and resolves to
   * the model's raw text (the caller parses and validates it). Rejects when `signal` aborts.
   */
  routeJson(prompt: VlmPrompt, images: readonly string[], schema: JsonSchema, signal: AbortSignal): Promise<string>;
  /** Asks for free text (an explanation, an answer), looking at `images` (data URLs). */
  describe(prompt: VlmPrompt, images: readonly string[], signal: AbortSignal): Promise<string>;
}

/** Rejects with the signal's reason (or an AbortError) when it aborts first. */
export function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/** The reason a signal carries, as an Error. */
export function abortReason(signal: AbortSignal): Error {
  const r: unknown = signal.reason;
  if (r instanceof Error) return r;
  return new DOMException(typeof r === 'string' ? r : 'The operation was aborted.', 'AbortError');
}

/** A message from anything thrown (WebLLM's worker rejects with plain strings). */
export function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === 'string') return err;
  try {
    return JSON.stringify(err);
  } catch {
    return String(err);
  }
}

/**
 * Asks the backend for prose, stopping after `timeoutMs` or when `signal` aborts; an empty answer is
 * an error. The one timed, cancellable call that explanations and answers share.
 */
export async function describeWithin(vlm: VlmBackend, prompt: VlmPrompt, images: readonly string[], timeoutMs: number, signal?: AbortSignal): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const text = await vlm.describe(prompt, images, controller.signal);
    if (!text.trim()) throw new Error('the model returned an empty answer');
    return text.trim();
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
