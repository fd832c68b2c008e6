/**
 * A quick fuzz subset (seeded): 20 mutated or truncated fixtures, each analysed in the page, each
 * ending in a report or a typed error within the time limit; no hang, no crash, and the page still
 * analyses a good file afterwards. The full run (a few hundred cases) is bench/fuzz.ts.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { FIXTURES, analyzeViaUi, fixture, openAppSession, type AppSession } from './helpers.ts';
import { fuzzCases, runCase, summarize, summaryLine, type FuzzOutcome } from './lib/fuzz.ts';

const SEED = 20251206;
const CASES = 20;
// Generous: a shared, loaded machine can take 30 s for a tier-0 run of a 4-second clip.
const LIMIT_MS = 120_000;

describe('fuzz: mutated fixtures end in a report or a typed error', () => {
  let app: AppSession;

  before(async () => {
    fixture('clean.mp4');
    app = await openAppSession();
  });
  after(async () => {
    await app?.close();
  });

  it(`${CASES} seeded cases: no hang, no crash`, async () => {
    const sources = [join(FIXTURES, 'clean.mp4'), join(FIXTURES, 'hevc.mp4'), join(FIXTURES, 'gen', 'mpeg4.avi'), join(FIXTURES, 'gen', 'vfr.mp4')];
    const outcomes: FuzzOutcome[] = [];
    const bad: string[] = [];
    for (const c of fuzzCases(sources, CASES, SEED)) {
      const o = await runCase(app.page, c, LIMIT_MS);
      outcomes.push(o);
      if (o.kind === 'hang' || o.kind === 'crash') bad.push(`#${c.id} ${c.source} (${c.mutation}): ${o.kind}${o.kind === 'crash' ? ` ${o.detail}` : ''}`);
    }
    const s = summarize(outcomes);
    console.log(`# ${summaryLine(s)}`);
    assert.equal(s.cases, CASES);
    assert.deepEqual(bad, []);
    assert.equal(s.reports + s.typedErrors, CASES);
  });

  it('the page still analyses a good file afterwards', async () => {
    const out = await analyzeViaUi(app.page, fixture('clean.mp4'), 0);
    assert.equal(out.state, 'done', `${out.error?.code}: ${out.error?.message}`);
  });
});
