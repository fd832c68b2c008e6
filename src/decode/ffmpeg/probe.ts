/**
 * What ffprobe says about a file, turned into the report's video facts: container, codec, display
 * size (after rotation), duration, frame rate, and a frame-count estimate.
 */
import { CorruptInputError } from '../../errors.ts';
import type { VideoInfo } from '../frame-source.ts';

/** The parts of `ffprobe -of json -show_streams -show_format` this module reads. */
export interface ProbeJson {
  streams?: ProbeStream[];
  format?: { format_name?: string; duration?: string; start_time?: string };
}

interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  codec_tag_string?: string;
  profile?: string;
  width?: number;
  height?: number;
  pix_fmt?: string;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  duration?: string;
  nb_frames?: string;
  tags?: { rotate?: string };
  side_data_list?: { rotation?: number }[];
  disposition?: { attached_pic?: number };
}

/** The probed facts of the first video stream, plus what the decoder needs beyond the report. */
export interface ProbedVideo {
  info: VideoInfo;
  /** Pixel format of the stream, e.g. `yuv420p10le`. */
  pixFmt: string;
}

/** Arguments of the probe command; it writes JSON to `outPath`. */
export function probeArgs(inputPath: string, outPath: string): string[] {
  return ['-v', 'error', '-of', 'json', '-show_streams', '-show_format', '-select_streams', 'V', inputPath, '-o', outPath];
}

/** Reads ffprobe's JSON into the video facts; throws a typed error when there is no video. */
export function parseProbe(json: ProbeJson): ProbedVideo {
  const video = (json.streams ?? []).find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  const format = json.format?.format_name ?? '';
  if (video && (format.endsWith('_pipe') || format === 'image2')) {
    throw new CorruptInputError(
      `This is a still image (${video.codec_name ?? format}), not a video, even if its name says otherwise. Choose a video file.`,
      'NOT_VIDEO',
    );
  }
  if (!video) {
    throw new CorruptInputError('The file has no video stream (it may be audio only, an image or another kind of file). Choose a file that contains video.', 'NOT_VIDEO');
  }
  const width = video.width ?? 0;
  const height = video.height ?? 0;
  if (width <= 0 || height <= 0) {
    throw new CorruptInputError('The video stream has no frame size: the file is probably truncated or damaged. Copy or export it again and retry.');
  }
  const rotation = Math.abs(Math.round(rotationOf(video) / 90)) % 2 === 1;
  const fps = rate(video.avg_frame_rate) || rate(video.r_frame_rate) || 0;
  const durationS = num(video.duration) || num(json.format?.duration) || 0;
  const counted = Number.parseInt(video.nb_frames ?? '', 10);
  const frameCount = Number.isFinite(counted) && counted > 0 ? counted : Math.max(1, Math.round(durationS * (fps || 25)));
  return {
    info: {
      container: (json.format?.format_name ?? 'unknown').split(',')[0]!,
      codec: video.codec_name ?? 'unknown',
      width: rotation ? height : width,
      height: rotation ? width : height,
      durationS,
      fps,
      frameCount,
      decoder: 'ffmpeg.wasm',
    },
    pixFmt: video.pix_fmt ?? 'unknown',
  };
}

function rotationOf(s: ProbeStream): number {
  const side = s.side_data_list?.find((d) => typeof d.rotation === 'number')?.rotation;
  if (side !== undefined) return side;
  return num(s.tags?.rotate);
}

/** `"30000/1001"` → 29.97; 0 for missing or zero denominators. */
function rate(r?: string): number {
  if (!r) return 0;
  const [n, d] = r.split('/').map(Number);
  if (!n || !d || !Number.isFinite(n / d)) return 0;
  return n / d;
}

function num(s?: string): number {
  const v = Number.parseFloat(s ?? '');
  return Number.isFinite(v) && v > 0 ? v : 0;
}
