/**
 * Typed errors that survive `postMessage`: each has a stable `code`, and `serializeError` /
 * `reviveError` carry them across worker boundaries. Messages are sentences a user can act on.
 */

/** Codes of the errors the analyzer raises on purpose. */
export type ErrorCode =
  | 'UNSUPPORTED_CODEC'
  | 'CORRUPT_INPUT'
  | 'EMPTY_INPUT'
  | 'NOT_VIDEO'
  | 'FRAME_TOO_LARGE'
  | 'MODEL_LOAD'
  | 'MODEL_INTEGRITY'
  | 'WEBGPU_UNAVAILABLE'
  | 'CANCELLED'
  | 'WORKER_CRASHED'
  | 'INTERNAL';

/** Base class of the analyzer's errors. */
export class QRouterError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The file's video codec cannot be decoded in this browser. */
export class UnsupportedCodecError extends QRouterError {
  constructor(message: string) {
    super('UNSUPPORTED_CODEC', message);
  }
}

/** The file is damaged, truncated, empty, or not a video. */
export class CorruptInputError extends QRouterError {
  constructor(message: string, code: 'CORRUPT_INPUT' | 'EMPTY_INPUT' | 'NOT_VIDEO' | 'FRAME_TOO_LARGE' = 'CORRUPT_INPUT') {
    super(code, message);
  }
}

/** An expert model failed to load or to create a session. */
export class ModelLoadError extends QRouterError {
  constructor(message: string) {
    super('MODEL_LOAD', message);
  }
}

/** A model's bytes do not match the sha256 its manifest lists (altered, or from another build). */
export class ModelIntegrityError extends QRouterError {
  constructor(message: string) {
    super('MODEL_INTEGRITY', message);
  }
}

/** WebGPU was required but no adapter exists. */
export class WebGpuUnavailableError extends QRouterError {
  constructor(message: string) {
    super('WEBGPU_UNAVAILABLE', message);
  }
}

/** The run was cancelled by the user or by an AbortSignal. */
export class CancelledError extends QRouterError {
  constructor(message = 'The analysis was cancelled.') {
    super('CANCELLED', message);
  }
}

/** A worker stopped unexpectedly. */
export class WorkerCrashedError extends QRouterError {
  constructor(message: string) {
    super('WORKER_CRASHED', message);
  }
}

/** The plain-object form of an error, as it crosses `postMessage`. */
export interface SerializedError {
  name: string;
  code: ErrorCode;
  message: string;
}

/** Turns any thrown value into a plain object. */
export function serializeError(err: unknown): SerializedError {
  if (err instanceof QRouterError) return { name: err.name, code: err.code, message: err.message };
  if (err instanceof DOMException && err.name === 'AbortError') {
    return { name: 'CancelledError', code: 'CANCELLED', message: 'The analysis was cancelled.' };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { name: 'QRouterError', code: 'INTERNAL', message: `Something went wrong inside the analyzer: ${message}` };
}

/** Rebuilds the typed error from its plain-object form. */
export function reviveError(s: SerializedError): QRouterError {
  switch (s.code) {
    case 'UNSUPPORTED_CODEC':
      return new UnsupportedCodecError(s.message);
    case 'CORRUPT_INPUT':
    case 'EMPTY_INPUT':
    case 'NOT_VIDEO':
    case 'FRAME_TOO_LARGE':
      return new CorruptInputError(s.message, s.code);
    case 'MODEL_LOAD':
      return new ModelLoadError(s.message);
    case 'MODEL_INTEGRITY':
      return new ModelIntegrityError(s.message);
    case 'WEBGPU_UNAVAILABLE':
      return new WebGpuUnavailableError(s.message);
    case 'CANCELLED':
      return new CancelledError(s.message);
    case 'WORKER_CRASHED':
      return new WorkerCrashedError(s.message);
    default:
      return new QRouterError(s.code, s.message);
  }
}

/** Throws a CancelledError when the signal has fired. */
export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new CancelledError();
}
