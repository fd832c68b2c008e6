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
const threshold = () => metaOf('overexposure').threshold!;

describe('overexposure expert', () => {
  it('counts flat clipped plateaus reached through bright shoulders, not white behind dark strokes', async () => {
    // A bright gradient running into a clipped plateau over its right half.
    const blown = planeFrom(256, 128, (x) => Math.min(255, 120 + x));
    // A white page with dark text-like strokes every 8 pixels.
    const page = planeFrom(256, 128, (x, y) => (y % 16 < 3 && x % 8 < 5 ? 30 : 255));
    const out = await runOn('overexposure', [blown, page, planeFrom(256, 128, () => 128)]);
    expect(out.score[0]!).toBeGreaterThan(0.3);
    expect(out.score[1]!).toBeLessThan(0.15); // only its darkest strokes' level (30/255)
    expect(out.score[2]!).toBeLessThan(0.55);
    expect(out.score[2]!).toBeGreaterThan(0.45); // blacks lifted to mid-grey: no shadow left
  });

  describe.skipIf(!present)('on real photos', () => {
    it('flags real photos pushed past white (eq brightness +0.35, contrast 1.6), not the originals', async () => {
      for (const file of ['astronaut.png', 'aero1.jpg', 'home.jpg', 'chelsea.png']) {
        const out = await runOn('overexposure', [photo(file), photo(file, 'eq=brightness=0.35:contrast=1.6')]);
        expect(out.score[0]!, file).toBeLessThan(threshold());
        expect(out.score[1]!, file).toBeGreaterThan(threshold());
      }
    });

    it('reads more the further a real photo is pushed past white (gains 1.75, 2, 2.5)', async () => {
      // Pushed far, most of the picture is a plateau and the pixels left beside it include darker
      // objects' edges: the reading must keep rising, not fall back as the bright shoulders clip too
      // (a shoulder gate from 0.45 read the toy scene 0.36, 0.21, 0.40 and the desk 0.99, 1.00, 0.93).
      for (const file of ['rubberwhale1.png', 'stuff.jpg', 'home.jpg', 'gravel.png']) {
        const out = await runOn('overexposure', [1.75, 2, 2.5].map((g) => photo(file, `lutyuv=y='clip((val-16)*${g}+16,16,235)'`)));
        expect(out.score[1]!, file).toBeGreaterThan(out.score[0]! - 0.02);
        expect(out.score[2]!, file).toBeGreaterThan(out.score[1]! - 0.02);
        expect(out.score[2]!, file).toBeGreaterThan(threshold());
      }
    });

    it('does not flag bright scenes that keep their shadows or a white border', async () => {
      const cases: [string, Plane][] = [
        ['building with a bright sky', photo('building.jpg')],
        ['coffee', photo('coffee.png')],
        ['astronaut on a white pad', photo('astronaut.png', 'pad=w=iw:h=ih*1.6:x=0:y=-1:color=white')],
      ];
      for (const [name, p] of cases) {
        const out = await runOn('overexposure', [p]);
        expect(out.score[0]!, name).toBeLessThan(threshold());
      }
    });
  });
});
