/**
 * A VLM backend across threads. The page owns the model (WebLLM's worker, or the user's endpoint
 * settings) and, for each analysis, hands the analysis worker a MessagePort; the worker's VLM router
 * calls the backend through it. Cancelling crosses as a call id, since an AbortSignal cannot.
 *
 *   page:   const port = exposeVlmBackend(backend);   // transfer `port` with the run's options
 *   worker: const backend = vlmBackendFromPort(port, label);
 */
import * as Comlink from 'comlink';
import { abortReason, type JsonSchema, type VlmBackend, type VlmPrompt } from './backend.ts';

/** What crosses the port: the backend's calls, each with an id the caller can cancel. */
export interface VlmPortApi {
  routeJson(callId: number, prompt: VlmPrompt, images: string[], schema: JsonSchema): Promise<string>;
  describe(callId: number, prompt: VlmPrompt, images: string[]): Promise<string>;
  cancel(callId: number): void;
}

/** The VLM handle that travels with a run's options (the port is transferred). */
export interface VlmPortHandle {
  port: MessagePort;
  label: string;
  routeTimeoutMs?: number;
}

/** Serves `backend` on a new MessagePort (page side); transfer `handle.port`, call `close()` after the run. */
export function exposeVlmBackend(backend: VlmBackend): { handle: VlmPortHandle; close(): void } {
  const { port1, port2 } = new MessageChannel();
  const running = new Map<number, AbortController>();
  const call = async (callId: number, work: (signal: AbortSignal) => Promise<string>) => {
    const controller = new AbortController();
    running.set(callId, controller);
    try {
      return await work(controller.signal);
    } finally {
      running.delete(callId);
    }
  };
  const api: VlmPortApi = {
    routeJson: (callId, prompt, images, schema) => call(callId, (s) => backend.routeJson(prompt, images, schema, s)),
    describe: (callId, prompt, images) => call(callId, (s) => backend.describe(prompt, images, s)),
    cancel: (callId) => running.get(callId)?.abort(new DOMException('The analysis stopped waiting for the model.', 'AbortError')),
  };
  Comlink.expose(api, port1);
  return {
    handle: { port: port2, label: backend.label, routeTimeoutMs: backend.routeTimeoutMs },
    close() {
      for (const c of running.values()) c.abort(new DOMException('The analysis ended.', 'AbortError'));
      port1.close();
    },
  };
}

let nextCallId = 1;

/** A backend that calls the one served on `port` (worker side). */
export function vlmBackendFromPort(handle: VlmPortHandle): VlmBackend {
  const remote = Comlink.wrap<VlmPortApi>(handle.port);
  const invoke = (signal: AbortSignal, start: (callId: number) => Promise<string>): Promise<string> => {
    if (signal.aborted) return Promise.reject(abortReason(signal));
    const callId = nextCallId++;
    return new Promise<string>((resolve, reject) => {
      const onAbort = () => {
        void remote.cancel(callId);
        reject(abortReason(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      start(callId).then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  };
  return {
    label: handle.label,
    routeTimeoutMs: handle.routeTimeoutMs,
    routeJson: (prompt, images, schema, signal) => invoke(signal, (id) => remote.routeJson(id, prompt, [...images], schema)),
    describe: (prompt, images, signal) => invoke(signal, (id) => remote.describe(id, prompt, [...images])),
  };
}
