/**
 * The ffmpeg.wasm fallback, in the app and the CLI: files WebCodecs cannot decode here (HEVC,
 * MPEG-4 Part 2 in AVI, MPEG-2 in MPEG-TS, Sorenson in FLV, and when ../shared/data/videos is
 * present MS-MPEG4 and Cinepak AVIs) analyse with `input.decoder: "ffmpeg.wasm"`, and score within
 * 10 points of an H.264 twin of the same pictures decoded by WebCodecs.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, ROOT, analyzeViaUi, fixture, foreign, openAppSession, type AppSession } from './helpers.ts';
import { validateReport } from '../src/report/validate.ts';

/** Fallback cases in e2e/fixtures/gen/ (made by scripts/make-fixtures.sh); `shared` ones need ../shared/data/videos. */
const CASES = [
  { file: 'hevc.mp4', codec: /hevc/, shared: false },
  { file: 'mpeg4.avi', codec: /mpeg4/, shared: false },
  { file: 'mpeg2.m2ts', codec: /mpeg2video/, shared: false },
  { file: 'sorenson.flv', codec: /flv/, shared: false },
  { file: 'vtest8.avi', codec: /msmpeg4/, shared: true },
  { file: 'tree.avi', codec: /cinepak/, shared: true },
];

function gen(name: string): string {
  fixture('clean.mp4'); // makes every fixture when missing
  return join(FIXTURES, 'gen', name);
}

describe('decoders: the ffmpeg.wasm fallback', () => {
  let app: AppSession;

  before(async () => {
    app = await openAppSession();
  });
  after(async () => {
    await app?.close();
  });

  for (const c of CASES) {
    it(`${c.file} analyses with ffmpeg.wasm within 10 points of its H.264 twin`, async (t) => {
      const file = gen(c.file);
      if (c.shared && !existsSync(file)) {
        t.skip(`${c.file} is made from ../shared/data/videos, which is absent here`);
        return;
      }
      const before = app.requests.length;
      const out = await analyzeViaUi(app.page, file);
      assert.equal(out.state, 'done', `${out.error?.code}: ${out.error?.message}`);
      const report = out.report!;
      assert.deepEqual(validateReport(report), []);
      assert.equal(report.input.decoder, 'ffmpeg.wasm');
      assert.match(report.input.codec, c.codec);
      assert.ok(report.timings.framesAnalyzed > 0);

      const twin = await analyzeViaUi(app.page, file.replace(/\.[^.]+$/, '-h264.mp4'));
      assert.equal(twin.state, 'done', `${twin.error?.code}: ${twin.error?.message}`);
      assert.equal(twin.report!.input.decoder, 'webcodecs');
      const delta = Math.abs(report.score - twin.report!.score);
      console.log(`# ${c.file}: ffmpeg.wasm ${report.score.toFixed(1)}, H.264 twin (WebCodecs) ${twin.report!.score.toFixed(1)}, |delta| ${delta.toFixed(1)}`);
      assert.ok(delta <= 10, `scores differ by ${delta.toFixed(1)} points`);
      assert.deepEqual(foreign(app.requests.slice(before), app.server.origin), [], 'requests left the origin');
    });
  }
});

describe('decoders: the CLI', () => {
  it('analyze hevc.mp4 --json - reports decoder ffmpeg.wasm', () => {
    const r = spawnSync('node', [join(ROOT, 'bin', 'qrouter.mjs'), 'analyze', gen('hevc.mp4'), '--json', '-', '-q'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { input: { decoder: string } };
    assert.deepEqual(validateReport(report), []);
    assert.equal(report.input.decoder, 'ffmpeg.wasm');
    assert.match(r.stderr, /\(ffmpeg\.wasm\)/);
  });
});
