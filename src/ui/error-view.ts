/** Turns any failure into a sentence for people (never a stack trace) and shows it. */
import { h, replaceChildren } from './dom.ts';

/** A failure as shown and exposed: the error's code and its message. */
export interface ShownError {
  code: string;
  message: string;
  /** The file the failure concerns, when known (shown before the message). */
  file?: string;
}

/** What to do next, per error code. */
const HINTS: Record<string, string> = {
  UNSUPPORTED_CODEC: 'Re-encode the video to H.264, VP9 or AV1 (MP4 or WebM) and try again.',
  CORRUPT_INPUT: 'Check that the file plays in a video player, or export it again, then retry.',
  EMPTY_INPUT: 'The file has no content; choose the complete video file.',
  NOT_VIDEO: 'Choose a video file such as .mp4, .webm or .mov.',
  FRAME_TOO_LARGE: 'Scale the video down (4K or smaller) and try again.',
  MODEL_LOAD: 'Reload the page; if it persists, check that the models are served next to the page.',
  WEBGPU_UNAVAILABLE: 'Choose a lower tier, or use a browser with WebGPU.',
  WORKER_CRASHED: 'Reload the page and try again, perhaps with a lower tier.',
  INTERNAL: 'Try again; if it happens again, try another file or a lower tier.',
};

/**
 * Reduces a thrown value to `{ code, message }` with a readable message: the first line only, stack
 * frames dropped (never the reason itself), the file kept beside it when `fileName` is given, and the cause
 * spelled out for failures that come from the page's origin rather than the video.
 */
export function toShownError(err: unknown, fileName?: string): ShownError {
  const e = err as { code?: unknown; message?: unknown; name?: unknown } | null;
  let code = typeof e?.code === 'string' ? e.code : 'INTERNAL';
  if (e?.name === 'AbortError') code = 'CANCELLED';
  let message = typeof e?.message === 'string' && e.message.trim() ? e.message : typeof err === 'string' ? err : '';
  // Stack frames look like "    at fn (url:1:2)" on their own lines; the first line is the reason.
  message = (message.split('\n')[0] ?? '').trim();
  if (!message) message = code === 'CANCELLED' ? 'The analysis was cancelled.' : 'The analysis failed for an unknown reason.';
  if (!/[.!?]$/.test(message)) message += '.';
  const cause = crossOriginCause(message);
  if (cause) message = `${message} ${cause}`;
  return fileName && code !== 'CANCELLED' ? { code, message, file: fileName } : { code, message };
}

/** Explains failures caused by where the library or the video is served from, or undefined. */
export function crossOriginCause(message: string): string | undefined {
  if (/construct 'Worker'|SecurityError|cannot be accessed from origin/i.test(message))
    return 'Cause: the analyzer\'s worker script is served from another origin than this page, and browsers only start workers from the page\'s own origin. Serve the library files (dist-lib/) from this page\'s origin; the models may stay elsewhere (model-base-url, with CORS).';
  if (/Failed to fetch|NetworkError|CORS|Access-Control/i.test(message))
    return 'Cause: a request to another origin was refused, most often because that server sends no Access-Control-Allow-Origin header for this page (CORS), or the URL is wrong. Check model-base-url and the video URL.';
  return undefined;
}

/** The hint for a code, when there is one. */
export function hintFor(code: string): string | undefined {
  return HINTS[code];
}

/** A notice area for errors and short information. */
export interface NoticeView {
  readonly el: HTMLElement;
  showError(error: ShownError): void;
  showInfo(text: string): void;
  hide(): void;
}

/** Builds the notice area. */
export function createNoticeView(): NoticeView {
  const el = h('div', { class: 'notice', role: 'alert', hidden: true, id: 'notice' });
  return {
    el,
    showError(error) {
      const hint = hintFor(error.code);
      el.className = 'notice error';
      el.dataset.code = error.code;
      replaceChildren(
        el,
        h('strong', {}, error.file && !error.message.includes(error.file) ? `${error.file}: ` : '', error.message),
        hint && !/[.!?]\s+\S/.test(error.message) ? h('span', { class: 'hint' }, hint) : null,
        ' ',
        h('code', {}, error.code),
      );
      el.hidden = false;
    },
    showInfo(text) {
      el.className = 'notice info';
      delete el.dataset.code;
      replaceChildren(el, text);
      el.hidden = false;
    },
    hide() {
      el.hidden = true;
    },
  };
}
