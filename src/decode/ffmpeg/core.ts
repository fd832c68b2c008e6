/**
 * The ffmpeg.wasm engine as the analysis worker sees it: one `FFmpeg` instance (its own nested
 * worker) per opened file, loaded from the project's own assets, with the file mounted read-only
 * through WORKERFS so the bytes are read on demand and never copied whole.
 *
 * Why the nested worker of `@ffmpeg/ffmpeg` rather than calling the core in this thread: one
 * `exec` is synchronous and cannot be interrupted from inside, so only a separate worker can be
 * stopped (`terminate()`) when the user cancels or a damaged file makes the decoder hang; and decoding
 * the next chunk overlaps the analysis of the current one.
 */
import { FFmpeg, type FFFSType } from '@ffmpeg/ffmpeg';
import { CancelledError, CorruptInputError, QRouterError } from '../../errors.ts';

/** Where the core's two files are served from. */
export interface CoreAssets {
  coreURL: string;
  wasmURL: string;
}

/** Mount point and name of the input inside the engine's file system. */
export const INPUT_DIR = '/input';
export const INPUT_PATH = `${INPUT_DIR}/video`;

/**
 * The core's URLs: inside `assetBaseUrl` (a folder holding `ffmpeg-core.js` and `ffmpeg-core.wasm`,
 * as `@ffmpeg/core/dist/esm/` ships them) when given, otherwise the copies the build emitted.
 */
export async function coreAssets(assetBaseUrl?: string): Promise<CoreAssets> {
  if (assetBaseUrl) {
    const base = new URL(assetBaseUrl.endsWith('/') ? assetBaseUrl : `${assetBaseUrl}/`, globalThis.location?.href);
    return { coreURL: new URL('ffmpeg-core.js', base).href, wasmURL: new URL('ffmpeg-core.wasm', base).href };
  }
  // Resolved by the bundler into separate, lazily fetched asset files (the core is GPL; it is not
  // bundled into the analyzer's own code). Imported here, not at the top, so Node tools that never
  // decode never resolve them.
  const [core, wasm] = await Promise.all([import('@ffmpeg/core?url'), import('@ffmpeg/core/wasm?url')]);
  return { coreURL: new URL(core.default, globalThis.location?.href).href, wasmURL: new URL(wasm.default, globalThis.location?.href).href };
}

/** One log line of the engine. */
export interface LogLine {
  type: string;
  message: string;
}

/** How long a loaded core is kept for the next file (loading it compiles 32 MB of wasm). */
const IDLE_MS = 60_000;

/** The one loaded core kept between files, with the URL it came from. */
let idle: { ff: FFmpeg; coreURL: string; timer: ReturnType<typeof setTimeout> } | null = null;

/** A loaded engine with one file mounted; every call fails with a typed error. */
export class FfmpegEngine {
  private logs: LogLine[] | null = null;
  private onActivity: (() => void) | null = null;
  private dead = false;
  /**
   * An ffmpeg command failed in this core. Its command-line tool keeps state between runs that a
   * failure leaves behind: every later command in the same core then exits with an error ("Conversion
   * failed!", code 69) even when it decodes, so a command that writes no frame reads as a failure.
   * Measured: after an AV1 file this build cannot decode, an MPEG-4 clip's empty chunk past its end.
   * Such a core is never kept for the next file.
   */
  private failed = false;
  private readonly listener = (line: LogLine) => {
    this.logs?.push(line);
    this.onActivity?.();
  };

  private constructor(
    private readonly ff: FFmpeg,
    private readonly coreURL: string,
  ) {
    ff.on('log', this.listener);
  }

  /**
   * Mounts `blob` at {@link INPUT_PATH} in a loaded engine: the one kept from the previous file
   * when there is one, otherwise a new worker with the core loaded.
   */
  static async open(blob: Blob, assets: CoreAssets, signal?: AbortSignal): Promise<FfmpegEngine> {
    const kept = idle?.coreURL === assets.coreURL ? idle : null;
    if (kept) {
      clearTimeout(kept.timer);
      idle = null;
    }
    const ff = kept?.ff ?? new FFmpeg();
    const engine = new FfmpegEngine(ff, assets.coreURL);
    const stop = () => engine.dispose();
    signal?.addEventListener('abort', stop, { once: true });
    try {
      if (!kept) {
        await ff.load({ coreURL: assets.coreURL, wasmURL: assets.wasmURL });
        await ff.createDir(INPUT_DIR);
      }
      await ff.mount('WORKERFS' as FFFSType, { blobs: [{ name: 'video', data: blob }] }, INPUT_DIR);
    } catch (err) {
      engine.dispose();
      if (signal?.aborted) throw new CancelledError();
      throw new QRouterError(
        'UNSUPPORTED_CODEC',
        `The fallback decoder (ffmpeg.wasm) could not be loaded from ${assets.coreURL} (${messageOf(err)}). Check that its files are served next to the app, or re-encode the video to H.264.`,
      );
    } finally {
      signal?.removeEventListener('abort', stop);
    }
    return engine;
  }

  /**
   * Runs one ffmpeg (or ffprobe) command and returns its exit code and log. The engine is stopped
   * when `signal` fires, and when the command logs nothing for `timeoutMs` (a damaged file must not
   * hang the analysis; decode commands log every frame); both end the engine for good.
   */
  async run(tool: 'ffmpeg' | 'ffprobe', args: string[], timeoutMs: number, signal?: AbortSignal): Promise<{ code: number; log: LogLine[] }> {
    if (this.dead) throw new CancelledError();
    const log: LogLine[] = [];
    this.logs = log;
    let timedOut = false;
    const stop = () => this.dispose();
    const expire = () => {
      timedOut = true;
      this.dispose();
    };
    let timer = setTimeout(expire, timeoutMs);
    this.onActivity = () => {
      clearTimeout(timer);
      timer = setTimeout(expire, timeoutMs);
    };
    signal?.addEventListener('abort', stop, { once: true });
    try {
      const code = tool === 'ffmpeg' ? await this.ff.exec(args) : await this.ff.ffprobe(args);
      if (tool === 'ffmpeg' && code !== 0) this.failed = true;
      return { code, log };
    } catch (err) {
      if (signal?.aborted) throw new CancelledError();
      if (timedOut) {
        throw new CorruptInputError(`The decoder made no progress for ${Math.round(timeoutMs / 1000)} s on this file, which is probably damaged. Re-export it and try again.`);
      }
      throw new CorruptInputError(`The fallback decoder stopped (${messageOf(err)}). The file may be damaged; re-export it and try again.`);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', stop);
      this.logs = null;
      this.onActivity = null;
    }
  }

  /** Reads and deletes a file the last command wrote; null when it wrote none. */
  async take(path: string): Promise<Uint8Array | null> {
    if (this.dead) throw new CancelledError();
    let data: Uint8Array | string;
    try {
      data = await this.ff.readFile(path);
    } catch {
      return null;
    }
    await this.ff.deleteFile(path).catch(() => undefined);
    return typeof data === 'string' ? new TextEncoder().encode(data) : data;
  }

  /** Stops the engine's worker; pending calls reject. */
  dispose(): void {
    if (this.dead) return;
    this.dead = true;
    this.ff.off('log', this.listener);
    this.ff.terminate();
  }

  /**
   * Ends the use of a healthy engine (no command running): the file is unmounted and the loaded core
   * kept for the next file for a minute, or stopped when one is already kept (or when a command
   * failed in it; see {@link FfmpegEngine.failed}).
   */
  release(): void {
    if (this.failed) return this.dispose();
    if (this.dead) return;
    this.dead = true;
    this.ff.off('log', this.listener);
    const { ff, coreURL } = this;
    ff.unmount(INPUT_DIR).then(
      () => {
        if (idle) return ff.terminate();
        const timer = setTimeout(() => {
          if (idle?.ff !== ff) return;
          idle = null;
          ff.terminate();
        }, IDLE_MS);
        idle = { ff, coreURL, timer };
      },
      () => ff.terminate(),
    );
  }
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
