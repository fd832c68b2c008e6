/**
 * Bad inputs through the UI: each shows a clear sentence with the right error code (never a stack
 * trace), the page stays usable, and a good file analyses right after.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeViaUi, fixture, foreign, openAppSession, type AppSession } from './helpers.ts';
import { validateReport } from '../src/report/validate.ts';

const CASES: { file: string; codes: string[]; why: string }[] = [
  { file: 'empty.mp4', codes: ['EMPTY_INPUT'], why: '0 bytes' },
  { file: 'notvideo.mp4', codes: ['NOT_VIDEO'], why: 'a text file with a video name' },
  { file: 'truncated.mp4', codes: ['CORRUPT_INPUT'], why: 'the first 30% of an MP4 (no index)' },
];

describe('app: bad inputs', () => {
  let app: AppSession;

  before(async () => {
    app = await openAppSession();
  });
  after(async () => {
    await app?.close();
  });

  for (const c of CASES) {
    it(`${c.file} (${c.why}) shows ${c.codes.join(' or ')} as a sentence`, async () => {
      const out = await analyzeViaUi(app.page, fixture(c.file));
      assert.equal(out.state, 'error');
      assert.ok(out.error, 'window.__qrouterLastError is set');
      assert.ok(c.codes.includes(out.error.code), `code ${out.error.code}: ${out.error.message}`);
      assertSentence(out.error.message);
      assert.ok(out.notice.includes(out.error.message), `the notice shows the message: ${out.notice}`);
      assert.ok(await app.page.locator('#file-input').isEnabled(), 'the file input is usable again');
    });
  }

  it('an HEVC file is refused as UNSUPPORTED_CODEC, or decoded by the ffmpeg.wasm fallback', async () => {
    const out = await analyzeViaUi(app.page, fixture('hevc.mp4'));
    if (out.state === 'done') {
      assert.equal(out.report?.input.decoder, 'ffmpeg.wasm', 'HEVC cannot be decoded by WebCodecs here');
      assert.deepEqual(validateReport(out.report), []);
    } else {
      assert.equal(out.state, 'error');
      assert.equal(out.error?.code, 'UNSUPPORTED_CODEC', out.error?.message);
      assertSentence(out.error.message);
      assert.match(out.error.message, /hevc|h\.?265|hvc1|hev1/i, 'the message names the codec');
    }
  });

  it('stays usable: a good file analyses right after the errors', async () => {
    const out = await analyzeViaUi(app.page, fixture('compressed.mp4'), 0);
    assert.equal(out.state, 'done', `${out.error?.code} ${out.error?.message}`);
    assert.deepEqual(validateReport(out.report), []);
    assert.equal(out.report?.tier, 0);
    assert.equal(out.notice, '', 'the old error is gone');
    assert.deepEqual(foreign(app.requests, app.server.origin), []);
    assert.deepEqual(app.pageErrors, []);
  });
});

/** A message a person can read: a sentence, no stack frames, no "[object Object]". */
function assertSentence(message: string): void {
  assert.ok(message.length >= 15, `message too short: "${message}"`);
  assert.match(message, /^[A-Z"“(]/, `starts like a sentence: "${message}"`);
  assert.match(message, /[.!?]$/, `ends like a sentence: "${message}"`);
  assert.doesNotMatch(message, /\n\s*at |\bat .*:\d+:\d+|\[object |undefined|Error:/, `no stack or internals: "${message}"`);
}
