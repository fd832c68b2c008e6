/**
 * The player: the analysed file in a `<video>`, the overlay canvas over it (heat layers and event
 * boxes at the current time), type toggles, heat opacity, play/pause, frame step and PNG export.
 * The overlay follows playback (requestVideoFrameCallback where the browser has it) and seeking. When
 * the browser cannot play the file, the frame at the current time is decoded by the project's own
 * decoder (decoded-frame.ts) and drawn under the overlay; seeking, frame steps and events steer it.
 */
import type { ArtifactType, Report } from '../report/types.ts';
import { h } from './dom.ts';
import { clock } from './format.ts';
import { OverlayModel, typeColor } from './overlay.ts';
import { createDecodedFrameLayer, type DecodedFrameLayer } from './decoded-frame.ts';

/** The player and its controls. */
export interface Viewer {
  readonly el: HTMLElement;
  readonly video: HTMLVideoElement;
  readonly overlay: HTMLCanvasElement;
  /** The decoded picture under the overlay when the browser cannot play the file (else undefined). */
  readonly frame: HTMLCanvasElement | undefined;
  /** Current time in seconds. */
  readonly time: number;
  /** Seeks to `t` seconds (pauses playback). */
  seek(t: number): void;
  /** Steps `n` frames (negative: back). */
  step(n: number): void;
  /** Plays or pauses. */
  toggle(): void;
  /** The current frame with its overlay as a PNG. */
  snapshot(): Promise<Blob>;
  /** Releases the object URL and stops following playback. */
  destroy(): void;
}

/** Builds the player for `file` and its report; `onTime` hears every time change. */
export function createViewer(file: Blob, report: Report, onTime: (t: number) => void): Viewer {
  const model = new OverlayModel(report.detail, report.artifacts);
  const eventTypes = new Set(report.artifacts.map((a) => a.type));
  const types = new Set<ArtifactType>(eventTypes);
  let opacity = 0.6;
  const fps = report.input.fps > 0 ? report.input.fps : 30;
  const url = URL.createObjectURL(file);
  const video = h('video', { muted: true, playsinline: true, preload: 'auto', 'aria-label': `Video: ${report.input.name}` });
  video.muted = true;
  video.src = url;
  const overlay = h('canvas', { class: 'overlay', id: 'overlay', width: report.input.width, height: report.input.height });
  const note = h('div', { class: 'nofile', hidden: true });
  const stage = h('div', { class: 'stage' }, video, overlay, note);
  stage.style.aspectRatio = `${report.input.width} / ${report.input.height}`;

  let playable = true;
  let virtualT = 0;
  let decoded: DecodedFrameLayer | undefined;
  const now = (): number => (playable ? video.currentTime : virtualT);
  const timeText = h('span', { class: 'time', id: 'time', 'aria-live': 'off' }, '0:00.0');
  const playBtn = h('button', { type: 'button', id: 'play', onclick: () => toggle() }, 'Play');

  const draw = (): void => {
    const ctx = overlay.getContext('2d');
    const t = now();
    if (ctx) model.draw(ctx, overlay.width, overlay.height, t, { types, opacity });
    decoded?.request(t);
    timeText.textContent = `${clock(t)} / ${clock(report.input.durationS)}`;
    onTime(t);
  };

  // Follow playback frame by frame where possible, else on animation frames.
  let following = false;
  const follow = (): void => {
    if (following) return;
    following = true;
    const tick = (): void => {
      draw();
      if (video.paused || video.ended) {
        following = false;
        return;
      }
      if ('requestVideoFrameCallback' in video) video.requestVideoFrameCallback(tick);
      else requestAnimationFrame(tick);
    };
    tick();
  };
  video.addEventListener('loadedmetadata', () => {
    // Metadata without a picture: the browser reads the container but cannot decode the video.
    if (video.videoWidth === 0) unplayable();
    else {
      overlay.width = video.videoWidth;
      overlay.height = video.videoHeight;
      stage.style.aspectRatio = `${video.videoWidth} / ${video.videoHeight}`;
    }
    draw();
  });
  for (const ev of ['seeked', 'loadeddata', 'pause', 'timeupdate']) video.addEventListener(ev, draw);
  video.addEventListener('play', () => {
    playBtn.textContent = 'Pause';
    follow();
  });
  video.addEventListener('pause', () => (playBtn.textContent = 'Play'));
  const unplayable = (): void => {
    if (!playable) return;
    playable = false;
    virtualT = video.currentTime || 0;
    video.hidden = true;
    playBtn.disabled = true;
    note.hidden = false;
    note.textContent = `This browser cannot play ${report.input.codec} in ${report.input.container}; decoding the frame…`;
    decoded = createDecodedFrameLayer(file, overlay.width, overlay.height, (error) => {
      note.hidden = error === null;
      if (error) note.textContent = `${error} The overlay is drawn on a blank frame.`;
    });
    stage.insertBefore(decoded.canvas, overlay);
    timeText.title = `Decoded frames: this browser cannot play ${report.input.codec} in ${report.input.container}.`;
    draw();
  };
  video.addEventListener('error', unplayable);

  const seek = (t: number): void => {
    const clamped = Math.max(0, Math.min(report.input.durationS, t));
    if (playable) {
      video.pause();
      video.currentTime = clamped;
    } else virtualT = clamped;
    draw();
  };
  // From the frame shown now (the last one starting at or before the current time) to a quarter into the target frame.
  const step = (n: number): void => seek((Math.floor(now() * fps + 1e-3) + n) / fps + 0.25 / fps);
  const toggle = (): void => {
    if (!playable) return;
    if (video.paused) void video.play().catch(() => undefined);
    else video.pause();
  };

  const chips = [...new Set([...eventTypes, ...model.heatTypes])].sort().map((type) => {
    const box = h('input', { type: 'checkbox', 'data-type': type, 'aria-label': `Show ${type}` });
    box.checked = types.has(type);
    box.addEventListener('change', () => {
      if (box.checked) types.add(type);
      else types.delete(type);
      draw();
    });
    const swatch = h('span', { class: 'swatch' });
    swatch.style.background = typeColor(type);
    return h('label', { class: 'chip' }, box, swatch, type);
  });
  const range = h('input', { type: 'range', min: 0, max: 100, value: 60, id: 'opacity', 'aria-label': 'Heat opacity' });
  range.addEventListener('input', () => {
    opacity = Number(range.value) / 100;
    draw();
  });

  const viewer: Viewer = {
    el: h(
      'div',
      { class: 'viewer' },
      stage,
      h(
        'div',
        { class: 'controls' },
        playBtn,
        h('button', { type: 'button', id: 'frame-back', 'aria-label': 'One frame back', onclick: () => step(-1) }, '◀ Frame'),
        h('button', { type: 'button', id: 'frame-forward', 'aria-label': 'One frame forward', onclick: () => step(1) }, 'Frame ▶'),
        timeText,
        h('label', { class: 'opacity' }, 'Heat', range),
      ),
      chips.length ? h('div', { class: 'toggles', role: 'group', 'aria-label': 'Artifact types shown on the video' }, ...chips) : null,
    ),
    video,
    overlay,
    get frame() {
      return decoded?.canvas;
    },
    get time() {
      return now();
    },
    seek,
    step,
    toggle,
    async snapshot() {
      const canvas = document.createElement('canvas');
      canvas.width = overlay.width;
      canvas.height = overlay.height;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#000';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      if (playable && video.readyState >= 2) ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
      else if (decoded?.canvas.dataset.t !== undefined) ctx.drawImage(decoded.canvas, 0, 0, canvas.width, canvas.height);
      ctx.drawImage(overlay, 0, 0);
      return new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The frame could not be encoded as PNG.'))), 'image/png'));
    },
    destroy() {
      decoded?.destroy();
      video.pause();
      video.removeAttribute('src');
      video.load();
      URL.revokeObjectURL(url);
    },
  };
  draw();
  return viewer;
}
