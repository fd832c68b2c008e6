import { describe, expect, it } from 'vitest';
import { QRouterError } from '../../errors.ts';
import { parseProbe } from './probe.ts';

const stream = { codec_type: 'video', codec_name: 'msmpeg4v3', width: 768, height: 576, avg_frame_rate: '10/1', duration: '79.5', nb_frames: '795', pix_fmt: 'yuv420p' };

describe('ffprobe facts', () => {
  it('reads the first video stream', () => {
    const { info } = parseProbe({ streams: [{ codec_type: 'audio' }, stream], format: { format_name: 'avi' } });
    expect(info).toEqual({ container: 'avi', codec: 'msmpeg4v3', width: 768, height: 576, durationS: 79.5, fps: 10, frameCount: 795, decoder: 'ffmpeg.wasm' });
  });

  it('swaps the size for a quarter-turn rotation and estimates a missing frame count', () => {
    const { info } = parseProbe({
      streams: [{ ...stream, nb_frames: undefined, avg_frame_rate: '30000/1001', side_data_list: [{ rotation: -90 }] }],
      format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2' },
    });
    expect([info.width, info.height, info.container]).toEqual([576, 768, 'mov']);
    expect(info.frameCount).toBe(Math.round(79.5 * (30000 / 1001)));
  });

  it('refuses audio only and still images as NOT_VIDEO', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as QRouterError).code;
      }
      return 'none';
    };
    expect(code(() => parseProbe({ streams: [{ codec_type: 'audio' }], format: { format_name: 'mov' } }))).toBe('NOT_VIDEO');
    expect(code(() => parseProbe({ streams: [{ ...stream, codec_name: 'mjpeg' }], format: { format_name: 'jpeg_pipe' } }))).toBe('NOT_VIDEO');
    expect(code(() => parseProbe({ streams: [{ ...stream, width: 0 }], format: { format_name: 'avi' } }))).toBe('CORRUPT_INPUT');
  });
});
