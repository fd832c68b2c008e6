import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metaOf, planeFrom, runOn, type Plane } from '../../testing/expert-harness.ts';
import { readPlanes } from '../../testing/media.ts';
import { convertRange } from '../../frames/frame-planes.ts';

/** The shared photos, read relative to the repository root. */
const IMAGES = join(import.meta.dirname, '../../../../shared/data/images');
const present = existsSync(IMAGES);
/** A photo as the pipeline sees a decoded frame: video-range Y of 4:2:0, converted to full range. */
function photo(file: string, filter = ''): Plane {
  const vf = [`scale='trunc(min(iw,640)/2)*2':-2:flags=area`, 'format=yuv420p', filter, 'format=yuv420p'].filter(Boolean).join(',');
  const p = readPlanes(join(IMAGES, file), { filter: vf })[0]!;
  return { ...p, data: convertRange(p.data, 'limited', 'full') };
}
const threshold = () => metaOf('underexposure').threshold!;

describe('underexposure expert', () => {
  it('reads 0 on mid-grey, white and uniform black frames (black is the black expert’s finding)', async () => {
    const out = await runOn('underexposure', [planeFrom(128, 64, () => 128), planeFrom(128, 64, () => 250), planeFrom(128, 64, () => 0)]);
    expect(Array.from(out.score)).toEqual([0, 0, 0]);
  });

  it('flags a dim picture whose shadows are crushed into flat black', async () => {
    // A soft ramp from black to 70: nothing bright anywhere, a third of it flat black.
    const out = await runOn('underexposure', [planeFrom(192, 128, (x) => Math.max(0, (x - 64) * 0.55))]);
    expect(out.score[0]!).toBeGreaterThan(threshold());
  });

  describe.skipIf(!present)('on real photos', () => {
    it('flags real photos darkened with crushed shadows (eq brightness −0.35, contrast 0.8)', async () => {
      for (const file of ['astronaut.png', 'chelsea.png', 'coffee.png']) {
        const out = await runOn('underexposure', [photo(file), photo(file, 'eq=brightness=-0.35:contrast=0.8')]);
        expect(out.score[0]!, file).toBeLessThan(threshold());
        expect(out.score[1]!, file).toBeGreaterThan(threshold());
      }
    });

    it('does not flag a night sky, a low-key picture that keeps its lights, or a letterbox', async () => {
      const cases: [string, Plane][] = [
        ['hubble deep field', photo('hubble_deep_field.jpg')],
        // Gamma 3: most of the picture sinks towards black, the highlights stay where they were.
        ['low-key astronaut', photo('astronaut.png', "lutyuv=y='255*pow(val/255\\,3)'")],
        ['letterboxed chelsea', photo('chelsea.png', 'pad=w=iw:h=ih*1.6:x=0:y=-1:color=black')],
      ];
      for (const [name, p] of cases) {
        const one = await runOn('underexposure', [p]);
        expect(one.score[0]!, name).toBeLessThan(threshold());
      }
    });
  });
});
