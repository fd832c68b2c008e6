/**
 * The CLI's batch and output checks as a user meets them: `--json`/`--out` folders checked before
 * any analysis (exit 2), `batch --recursive` over subfolders, the closing "N analysed, M failed"
 * line, CSV with tier, decoder, every expert's score and timed events, and `analyse` as an alias.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, fixture, requireBuiltApp } from './helpers.ts';
import { CsvTable, events } from '../bin/lib/csv.mjs';

function qrouter(...args: string[]) {
  const r = spawnSync('node', [join(ROOT, 'bin', 'qrouter.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 600_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cli: outputs and batch', () => {
  it('refuses a --json path whose folder is missing, before starting a browser (exit 2)', () => {
    const t0 = performance.now();
    const r = qrouter('analyse', fixture('clean.mp4'), '--json', join(tmpdir(), 'no-such-folder-qr', 'r.json'));
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /does not exist/);
    assert.ok(performance.now() - t0 < 5000, 'no browser was started');
  });

  it('refuses a --out path that is a folder (exit 2)', () => {
    const r = qrouter('batch', join(ROOT, 'e2e', 'fixtures'), '--out', tmpdir());
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /is a folder/);
  });

  it('batch --recursive writes CSV with expert and event columns and ends with the counts', () => {
    requireBuiltApp();
    const dir = mkdtempSync(join(tmpdir(), 'qrouter-batch-'));
    try {
      mkdirSync(join(dir, 'sub'));
      copyFileSync(fixture('clean.mp4'), join(dir, 'a.mp4'));
      copyFileSync(fixture('notvideo.mp4'), join(dir, 'sub', 'b.mp4'));
      const out = join(dir, 'r.csv');
      const flat = qrouter('batch', dir, '--tier', '0', '--out', join(dir, 'flat.jsonl'), '-q');
      assert.match(flat.stderr, /^1 analysed, 0 failed$/m, 'without --recursive the subfolder is left out');
      const r = qrouter('batch', dir, '--recursive', '--tier', '0', '--out', out, '-q');
      assert.equal(r.code, 3, 'one input failed');
      assert.match(r.stderr, /^1 analysed, 1 failed$/m);
      const [header, ...rows] = readFileSync(out, 'utf8').trim().split('\n');
      const cols = header!.split(',');
      for (const c of ['file', 'tier', 'score', 'decoder', 'events', 'error_code']) assert.ok(cols.includes(c), `column ${c}`);
      assert.ok(cols.some((c) => c.startsWith('expert_')), 'one column per expert');
      assert.equal(rows.length, 2);
      const ok = rows.find((l) => l.includes('a.mp4'))!.split(',');
      assert.equal(ok[cols.indexOf('tier')], '0');
      assert.ok(Number(ok[cols.indexOf(cols.find((c) => c.startsWith('expert_'))!)]) >= 0);
      assert.match(rows.find((l) => l.includes('b.mp4'))!, /NOT_VIDEO/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('formats events with their times and quotes cells', () => {
    assert.equal(events([{ type: 'blur', startS: 2, endS: 3.5 }, { type: 'noise', startS: 0, endS: 4 }]), 'blur@2.00-3.50;noise@0.00-4.00');
    const t = new CsvTable();
    t.add('x,y.mp4', { ok: true, report: { tier: 1, score: 50, experts: [{ id: 'b', score: 1 }, { id: 'a', score: 2 }], artifacts: [] } });
    t.add('z.mp4', { ok: false, error: { code: 'NOT_VIDEO', message: 'Not "a" video.' } });
    const lines = t.render().trim().split('\n');
    assert.ok(lines[0]!.endsWith('expert_a,expert_b'));
    assert.ok(lines[1]!.startsWith('"x,y.mp4",true,1,50.00'));
    assert.ok(lines[1]!.endsWith('2.00,1.00'));
    assert.match(lines[2]!, /"Not ""a"" video\."/);
  });
});
