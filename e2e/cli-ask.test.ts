/** `qrouter ask`: argument checks, and a real question answered about a fixture by the CLI's engine. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseArgs, UsageError } from '../bin/lib/args.mjs';
import { fixture, requireBuiltApp, ROOT } from './helpers.ts';

const CLI = join(ROOT, 'bin', 'qrouter.mjs');

describe('qrouter ask: arguments', () => {
  it('takes the video and the quoted question, at tier 2 unless told otherwise', () => {
    const cmd = parseArgs(['ask', 'clip.mp4', 'Is there blur?']) as { verb: string; question?: string; tier: number };
    assert.equal(cmd.verb, 'ask');
    assert.equal(cmd.question, 'Is there blur?');
    assert.equal(cmd.tier, 2);
    assert.equal((parseArgs(['ask', 'clip.mp4', 'Is there blur?', '--tier', '0']) as { tier: number }).tier, 0);
  });
  it('refuses a missing or unquoted question and batch-only options', () => {
    assert.throws(() => parseArgs(['ask', 'clip.mp4']), (e) => e instanceof UsageError && /Missing the question/.test(e.message));
    assert.throws(() => parseArgs(['ask', 'clip.mp4', 'is', 'there']), /quote the whole question/);
    assert.throws(() => parseArgs(['ask', 'clip.mp4', 'q?', '--shard', '0/2']), /does not apply to "ask"/);
  });
});

describe('qrouter ask: a real run', () => {
  it('answers from the report and writes both with --json -', () => {
    requireBuiltApp();
    const r = spawnSync(process.execPath, [CLI, 'ask', fixture('clean.mp4'), 'How good is the overall quality?', '--tier', '0', '--json', '-', '-q'], { encoding: 'utf8', timeout: 240_000 });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { question: string; answer: { kind: string; answered: boolean; text: string; value: { score: number } }; report: { score: number } };
    assert.equal(out.answer.kind, 'overall');
    assert.equal(out.answer.answered, true);
    assert.equal(out.answer.value.score, out.report.score);
    assert.match(r.stderr, /^It scores \d+\/100/m);
  });
  it('exits 2 on a usage error and 3 on a missing file', () => {
    assert.equal(spawnSync(process.execPath, [CLI, 'ask', 'x.mp4'], { encoding: 'utf8' }).status, 2);
    assert.equal(spawnSync(process.execPath, [CLI, 'ask', join(ROOT, 'nope.mp4'), 'Is there blur?'], { encoding: 'utf8' }).status, 3);
  });
});
