/**
 * The CLI as a user runs it: `npx qrouter analyze …` with its exit codes (0 done, 2 usage,
 * 3 input unreadable or unsupported), the JSON report on stdout, and batch output.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, fixture, requireBuiltApp } from './helpers.ts';
import { validateReport } from '../src/report/validate.ts';

/** Runs `npx qrouter …` in the repository. */
function qrouter(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync('npx', ['--no-install', 'qrouter', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cli', () => {
  it('analyze clean.mp4 --json - prints a valid report on stdout and a summary on stderr', () => {
    requireBuiltApp();
    const r = qrouter('analyze', fixture('clean.mp4'), '--json', '-', '--tier', '0', '--quiet');
    assert.equal(r.code, 0, r.stderr);
    const report: unknown = JSON.parse(r.stdout);
    assert.deepEqual(validateReport(report), []);
    assert.equal((report as { tier: number }).tier, 0);
    assert.match(r.stderr, /clean\.mp4: \d+(\.\d)? \/ 100/);
    assert.match(r.stderr, /start-up \d+ ms \(browser \+ page\)/);
  });

  it('analyze --json <file> writes the report to the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qrouter-cli-'));
    try {
      const out = join(dir, 'r.json');
      const r = qrouter('analyze', fixture('compressed.mp4'), '--tier', '0', '--json', out, '-q');
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(validateReport(JSON.parse(readFileSync(out, 'utf8'))), []);
      assert.match(r.stdout, /compressed\.mp4: /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 3 for a missing file, saying so', () => {
    const r = qrouter('analyze', join(ROOT, 'e2e', 'fixtures', 'does-not-exist.mp4'));
    assert.equal(r.code, 3);
    assert.match(r.stderr, /does not exist/);
    assert.equal(r.stdout, '');
  });

  it('exits 3 for a file that is not a video, saying why', () => {
    const r = qrouter('analyze', fixture('notvideo.mp4'), '--json', '-', '-q');
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /not a video/i);
    assert.match(r.stderr, /\[NOT_VIDEO\]/);
    assert.equal(r.stdout, '');
  });

  it('exits 3 for an empty file', () => {
    const r = qrouter('analyze', fixture('empty.mp4'));
    assert.equal(r.code, 3);
    assert.match(r.stderr, /empty/);
  });

  it('exits 3 for an unsupported codec unless a fallback decoder handles it', () => {
    const r = qrouter('analyze', fixture('hevc.mp4'), '--json', '-', '--tier', '0', '-q');
    if (r.code === 0) assert.equal(JSON.parse(r.stdout).input.decoder, 'ffmpeg.wasm');
    else {
      assert.equal(r.code, 3, r.stderr);
      assert.match(r.stderr, /\[UNSUPPORTED_CODEC\]/);
    }
  });

  it('exits 2 for an unknown flag, an unknown verb, a bad tier and a missing file argument', () => {
    for (const args of [['analyze', 'x.mp4', '--bogus'], ['frobnicate', 'x.mp4'], ['analyze', 'x.mp4', '--tier', '7'], ['analyze'], []]) {
      const r = qrouter(...args);
      assert.equal(r.code, 2, `qrouter ${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /Usage:/);
    }
  });

  it('--help prints usage and exits 0', () => {
    const r = qrouter('--help');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /qrouter analyze <video>/);
    assert.match(r.stdout, /Exit codes/);
  });

  it('batch writes one CSV row per video and exits 3 when one input is bad', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qrouter-batch-'));
    try {
      copyFileSync(fixture('compressed.mp4'), join(dir, 'a.mp4'));
      copyFileSync(fixture('notvideo.mp4'), join(dir, 'b.mp4'));
      const out = join(dir, 'results.csv');
      const r = qrouter('batch', dir, '--out', out, '--tier', '0', '-q');
      assert.equal(r.code, 3, r.stderr);
      const rows = readFileSync(out, 'utf8').trim().split('\n');
      assert.equal(rows.length, 3);
      assert.match(rows[0]!, /^file,ok,tier,score,label/);
      assert.match(rows[1]!, /a\.mp4,true,0,\d+/);
      assert.match(rows[2]!, /b\.mp4,false,.*NOT_VIDEO/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
