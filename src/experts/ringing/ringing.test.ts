import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planeFrom, runOn } from '../../testing/expert-harness.ts';
import { readPlanes } from '../../testing/media.ts';

/** The shared screen recordings, read relative to the repository root. */
const FOOTAGE = join(import.meta.dirname, '../../../../shared/data/footage');
const present = existsSync(FOOTAGE);

/** Light "glyphs" (3×5 strokes on an 8×12 cell grid) on a dark, flat fill, like a terminal. */
const text = (x: number, y: number) => (x % 8 < 3 && y % 12 < 7 && (x >> 3) % 5 !== 4 ? 210 : 24);

describe('edge-ringing expert', () => {
  it('reads a clean text page as flat beside its edges, and ripples there as ringing', async () => {
    const clean = planeFrom(128, 96, text);
    // Ripples of ±3 code values in the fill next to each stroke, fading with distance, as a codec leaves them.
    const rippled = planeFrom(128, 96, (x, y) => {
      const v = text(x, y);
      if (v > 100) return v;
      const fromStroke = Math.min((x % 8) - 2, 8 - (x % 8));
      return v + (fromStroke <= 3 ? 3 * Math.cos(Math.PI * (x + y)) : 0);
    });
    const out = await runOn('ringing', [clean, rippled, planeFrom(64, 64, () => 128)]);
    expect(out.score[0]!).toBeLessThan(0.5);
    expect(out.score[1]!).toBeGreaterThan(2);
    expect(out.score[2]!).toBeCloseTo(0, 5); // no edges, nothing to read
    expect(out.ph).toBe(3);
    expect(out.pw).toBe(4);
  });

  describe.skipIf(!present)('on real screen recordings', () => {
    it('reads more with every step of compression (x264 CRF 12, 37, 48) on three recordings', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ringing-'));
      try {
        for (const clip of ['screen_terminal_table_gum.mp4', 'screen_git_tui_lazygit_staging.mp4', 'screen_math_animation_text_manim.mp4']) {
          const reads: number[] = [];
          for (const crf of [12, 37, 48]) {
            const file = join(dir, `${crf}.mp4`);
            execFileSync('ffmpeg', ['-v', 'error', '-y', '-ss', '1', '-i', join(FOOTAGE, clip), '-frames:v', '6', '-vf', 'scale=640:360:flags=bicubic', '-c:v', 'libx264', '-preset', 'fast', '-pix_fmt', 'yuv420p', '-crf', String(crf), file]);
            const out = await runOn('ringing', readPlanes(file, { frames: 6 }));
            reads.push([...out.score].sort((a, b) => a - b)[3]!);
          }
          expect(reads[1]!, `${clip} ${reads.join(', ')}`).toBeGreaterThan(reads[0]!);
          expect(reads[2]!, `${clip} ${reads.join(', ')}`).toBeGreaterThan(reads[1]!);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
