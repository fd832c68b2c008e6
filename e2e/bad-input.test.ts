/**
 * Every kind of file a person may drop, through the page: each bad one ends in a typed error with a
 * sentence (never a stack trace, never a hang), each unusual but valid one in a report, and the page
 * analyses a good file right after. The README's "What you see with unusual files" table lists the
 * same cases. Files are made by scripts/make-fixtures.sh into e2e/fixtures/gen/.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { FIXTURES, analyzeViaUi, fixture, openAppSession, type AppSession, type UiOutcome } from './helpers.ts';
import { validateReport } from '../src/report/validate.ts';
import type { Report } from '../src/report/types.ts';

/** One case: the file, and either the error codes allowed or a check on the report. */
interface Case {
  file: string;
  why: string;
  codes?: string[];
  report?: (r: Report) => void;
  tier?: 0 | 1 | 2;
}

const CASES: Case[] = [
  { file: '../empty.mp4', why: 'zero bytes', codes: ['EMPTY_INPUT'] },
  { file: 'random.mp4', why: 'random bytes', codes: ['NOT_VIDEO'] },
  { file: 'image.mp4', why: 'a JPEG renamed .mp4', codes: ['NOT_VIDEO'] },
  { file: 'text.mp4', why: 'a text file renamed .mp4', codes: ['NOT_VIDEO'] },
  { file: 'audio.mp4', why: 'audio only', codes: ['NOT_VIDEO'] },
  { file: 'trunc1.mp4', why: 'truncated at 1 %', codes: ['CORRUPT_INPUT', 'NOT_VIDEO'] },
  { file: 'trunc30.mp4', why: 'truncated at 30 %', codes: ['CORRUPT_INPUT'] },
  { file: 'trunc90.mp4', why: 'truncated at 90 %', codes: ['CORRUPT_INPUT'] },
  { file: 'middamage.mp4', why: 'sample data overwritten from 40 % on (fails mid-decode)', codes: ['CORRUPT_INPUT'] },
  { file: 'single.mp4', why: 'a single frame (zero duration)', report: (r) => assert.equal(r.timings.framesAnalyzed, 1) },
  { file: 'tiny16.mp4', why: '16x16 pixels', report: (r) => assert.equal(r.input.width, 16) },
  { file: 'odd321.mp4', why: 'odd size 321x241 (4:4:4)', report: (r) => assert.deepEqual([r.input.width, r.input.height], [321, 241]) },
  { file: 'rotated.mp4', why: 'rotation metadata 90°', report: (r) => assert.deepEqual([r.input.width, r.input.height], [360, 640], 'reported upright') },
  { file: 'rotated-upright.mp4', why: 'the same pictures turned in the pixels', report: (r) => assert.equal(r.input.width, 360) },
  { file: 'vfr.mp4', why: 'variable frame rate', report: (r) => assert.ok(r.timings.framesAnalyzed > 30) },
  { file: 'tenbit.mp4', why: '10-bit H.264', report: (r) => assert.ok(r.timings.framesAnalyzed > 0) },
  { file: '8k.mp4', why: '8K (7680x4320)', report: (r) => assert.equal(r.input.width, 7680) },
  { file: 'long.mp4', why: '30 minutes (9000 frames)', tier: 0, report: (r) => assert.ok(r.input.durationS > 1700) },
];

describe('app: every file a person may drop', () => {
  let app: AppSession;

  before(async () => {
    fixture('clean.mp4'); // makes every fixture when missing
    app = await openAppSession();
  });
  after(async () => {
    await app?.close();
  });

  for (const c of CASES) {
    const expect = c.codes ? `a typed error (${c.codes.join(' or ')})` : 'a report';
    it(`${c.file} (${c.why}) ends in ${expect}`, async () => {
      const out: UiOutcome = await analyzeViaUi(app.page, join(FIXTURES, 'gen', c.file), c.tier);
      const r = out.report;
      console.log(`# ${c.file}: ${r ? `report ${r.score.toFixed(1)}, ${r.input.width}x${r.input.height}, ${r.timings.framesAnalyzed} frames, ${r.input.decoder}` : `${out.error?.code}: ${out.error?.message}`}`);
      if (c.codes) {
        assert.equal(out.state, 'error', `expected an error, got ${out.state} (score ${out.report?.score})`);
        assert.ok(out.error && c.codes.includes(out.error.code), `code ${out.error?.code}: ${out.error?.message}`);
        assert.match(out.error.message, /\w.{20,}[.)]$/s, 'a sentence');
        assert.doesNotMatch(out.error.message, /\n\s+at |Error:/, 'no stack trace');
        assert.ok(out.notice.length > 20, 'the page shows the sentence');
      } else {
        assert.equal(out.state, 'done', `${out.error?.code}: ${out.error?.message}`);
        assert.deepEqual(validateReport(out.report), []);
        c.report!(out.report!);
      }
    });
  }

  it('a rotated file is analysed upright: it scores like the same pictures turned in the pixels', async () => {
    // Both encoded alike from the same pictures (scripts/make-fixtures.sh); only the rotation differs.
    const rotated = await analyzeViaUi(app.page, join(FIXTURES, 'gen', 'rotated.mp4'), 0);
    const upright = await analyzeViaUi(app.page, join(FIXTURES, 'gen', 'rotated-upright.mp4'), 0);
    assert.equal(rotated.state, 'done');
    assert.equal(upright.state, 'done');
    const delta = Math.abs(rotated.report!.score - upright.report!.score);
    console.log(`# rotated ${rotated.report!.score.toFixed(1)}, upright twin ${upright.report!.score.toFixed(1)}`);
    assert.ok(delta <= 5, `scores differ by ${delta.toFixed(1)}`);
  });

  it('the page still analyses a good file afterwards', async () => {
    const out = await analyzeViaUi(app.page, fixture('clean.mp4'), 0);
    assert.equal(out.state, 'done', `${out.error?.code}: ${out.error?.message}`);
    assert.deepEqual(app.pageErrors, []);
  });
});
