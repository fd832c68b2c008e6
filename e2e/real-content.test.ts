/**
 * Real camera content (../shared/data/videos/cup.mp4, when present): the pristine encode must score
 * clearly above a heavily compressed and a blurred version of the same clip. Skips when the shared
 * data folder is absent.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, analyzeViaUi, fixture, openAppSession, type AppSession } from './helpers.ts';
import { validateReport } from '../src/report/validate.ts';

const CUP = process.env.QROUTER_CUP ?? join(ROOT, '..', 'shared', 'data', 'videos', 'cup.mp4');
const skip = existsSync(CUP) ? false : `${CUP} is absent`;

describe('real content ordering (cup.mp4)', { skip }, () => {
  let app: AppSession;
  const scores = new Map<string, number>();

  before(async () => {
    app = await openAppSession();
  });
  after(async () => {
    await app?.close();
  });

  for (const name of ['cup-crf18.mp4', 'cup-crf45.mp4', 'cup-blur.mp4']) {
    it(`analyses ${name}`, async () => {
      const out = await analyzeViaUi(app.page, fixture(name));
      assert.equal(out.state, 'done', `${out.error?.code} ${out.error?.message}`);
      assert.deepEqual(validateReport(out.report), []);
      scores.set(name, out.report!.score);
    });
  }

  it('scores CRF 18 at least 10 points above CRF 45 and above the blurred version', () => {
    const s = (n: string): number => {
      const v = scores.get(n);
      assert.ok(v !== undefined, `${n} was analysed`);
      return v;
    };
    const pristine = s('cup-crf18.mp4');
    assert.ok(pristine - s('cup-crf45.mp4') >= 10, `crf18 ${pristine} vs crf45 ${s('cup-crf45.mp4')}`);
    assert.ok(pristine - s('cup-blur.mp4') >= 10, `crf18 ${pristine} vs blur ${s('cup-blur.mp4')}`);
  });
});
