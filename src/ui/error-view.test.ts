import { describe, expect, it } from 'vitest';
import { toShownError } from './error-view.ts';

describe('toShownError', () => {
  it('keeps the whole reason of a worker failure and says what the host must do', () => {
    const err = new Error("Failed to construct 'Worker': Script at 'https://cdn.example.com/lib/assets/analysis.worker.js' cannot be accessed from origin 'https://shop.example.com'.\n    at startWorker (analyze.ts:46:18)");
    const shown = toShownError(err, 'clip.mp4');
    expect(shown.message).toContain("cannot be accessed from origin 'https://shop.example.com'.");
    expect(shown.message).toContain('Cause: the analyzer\'s worker script is served from another origin');
    expect(shown.message).not.toContain('startWorker');
    expect(shown.file).toBe('clip.mp4');
  });

  it('names CORS as the likely cause of a refused request and keeps codes', () => {
    const shown = toShownError({ code: 'MODEL_LOAD', message: 'The model sharpness could not be loaded (Failed to fetch)' });
    expect(shown.code).toBe('MODEL_LOAD');
    expect(shown.message).toMatch(/\(Failed to fetch\)\. Cause: a request to another origin was refused.*Access-Control-Allow-Origin/);
    expect(shown.file).toBeUndefined();
  });
});
