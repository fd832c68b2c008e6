/**
 * Seeded fuzzing of the analyzer (Node side, driving the page): mutated and truncated copies of the
 * fixtures, each analysed in the page with a time limit, each classified as a report, a typed error,
 * a hang (no end within the limit) or a crash (an untyped or internal error, a dead page). Used by
 * e2e/fuzz.test.ts (a quick subset) and bench/fuzz.ts (the full run).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { seededRandom } from '../../src/util/seeded-random.ts';

/** The error codes a bad input may end in (anything else counts as a crash). */
export const TYPED_INPUT_CODES = new Set(['UNSUPPORTED_CODEC', 'CORRUPT_INPUT', 'EMPTY_INPUT', 'NOT_VIDEO', 'FRAME_TOO_LARGE']);

/** One fuzz case: which source, which mutation, the bytes. */
export interface FuzzCase {
  id: number;
  source: string;
  mutation: string;
  bytes: Buffer;
}

/** How one case ended. */
export type FuzzOutcome =
  | { kind: 'report'; ms: number; score: number }
  | { kind: 'typed'; ms: number; code: string; message: string }
  | { kind: 'hang'; ms: number }
  | { kind: 'crash'; ms: number; detail: string };

type Mutator = (b: Buffer, rnd: () => number) => { bytes: Buffer; what: string };

const int = (rnd: () => number, lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

/** The mutations, each a function of the bytes and the seeded generator. */
const MUTATORS: Mutator[] = [
  (b, r) => {
    const at = int(r, 0, b.length - 1);
    return { bytes: b.subarray(0, at), what: `truncate at ${((100 * at) / b.length).toFixed(1)} %` };
  },
  (b, r) => {
    const out = Buffer.from(b);
    const n = int(r, 1, 64);
    for (let i = 0; i < n; i++) out[int(r, 0, out.length - 1)] = int(r, 0, 255);
    return { bytes: out, what: `${n} random bytes` };
  },
  (b, r) => {
    const out = Buffer.from(b);
    const n = int(r, 1, 16);
    for (let i = 0; i < n; i++) {
      const at = int(r, 0, Math.min(out.length, 1024) - 1);
      out[at] = out[at]! ^ (1 << int(r, 0, 7));
    }
    return { bytes: out, what: `${n} bit flips in the first KiB (headers)` };
  },
  (b, r) => {
    const out = Buffer.from(b);
    const len = int(r, 16, 8192);
    const at = int(r, 0, Math.max(0, out.length - len));
    for (let i = at; i < Math.min(out.length, at + len); i++) out[i] = int(r, 0, 255);
    return { bytes: out, what: `${len} random bytes at ${at}` };
  },
  (b, r) => {
    const out = Buffer.from(b);
    const len = int(r, 16, 32768);
    const at = int(r, 0, Math.max(0, out.length - len));
    out.fill(0, at, Math.min(out.length, at + len));
    return { bytes: out, what: `${len} zero bytes at ${at}` };
  },
  (b, r) => {
    const len = int(r, 16, 16384);
    const at = int(r, 0, Math.max(0, b.length - len));
    return { bytes: Buffer.concat([b.subarray(0, at), b.subarray(at + len)]), what: `${len} bytes cut at ${at}` };
  },
  (b, r) => {
    const len = int(r, 16, 16384);
    const from = int(r, 0, Math.max(0, b.length - len));
    const at = int(r, 0, b.length);
    return { bytes: Buffer.concat([b.subarray(0, at), b.subarray(from, from + len), b.subarray(at)]), what: `${len} bytes from ${from} repeated at ${at}` };
  },
];

/** `count` cases over `sources` (paths), the same for the same seed. */
export function* fuzzCases(sources: readonly string[], count: number, seed: number): Generator<FuzzCase> {
  const rnd = seededRandom(seed);
  const data = sources.map((s) => ({ name: s.split('/').slice(-2).join('/'), bytes: readFileSync(s) }));
  for (let id = 0; id < count; id++) {
    const src = data[id % data.length]!;
    const mutate = MUTATORS[int(rnd, 0, MUTATORS.length - 1)]!;
    const { bytes, what } = mutate(src.bytes, rnd);
    yield { id, source: src.name, mutation: what, bytes };
  }
}

/**
 * Analyses one case in the page (tier 0, as a dropped File), stopping it after `limitMs`. A run
 * still going `graceMs` after the stop counts as a hang.
 */
export async function runCase(page: Page, c: FuzzCase, limitMs: number, graceMs = 15_000): Promise<FuzzOutcome> {
  const t0 = performance.now();
  const ext = c.source.slice(c.source.lastIndexOf('.'));
  try {
    await page.evaluate(() => {
      if (document.getElementById('qrouter-fuzz-file')) return;
      const input = document.createElement('input');
      input.type = 'file';
      input.id = 'qrouter-fuzz-file';
      input.hidden = true;
      document.body.append(input);
    });
    await page.setInputFiles('#qrouter-fuzz-file', { name: `fuzz-${c.id}${ext}`, mimeType: 'application/octet-stream', buffer: c.bytes });
    const out = await Promise.race([
      page.evaluate(async (limit) => {
        const q = (window as unknown as { qrouter: { analyzeVideo: (f: File, o: object) => Promise<{ score: number }> } }).qrouter;
        const file = (document.getElementById('qrouter-fuzz-file') as HTMLInputElement).files![0]!;
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), limit);
        try {
          const report = await q.analyzeVideo(file, { tier: 0, signal: controller.signal });
          return { ok: true as const, score: report.score };
        } catch (err) {
          const e = err as { code?: string; message?: string; name?: string };
          return { ok: false as const, timedOut: controller.signal.aborted, code: e.code ?? '', message: `${e.name ?? ''}: ${e.message ?? String(err)}` };
        } finally {
          clearTimeout(timer);
        }
      }, limitMs),
      new Promise<'hang'>((resolve) => setTimeout(() => resolve('hang'), limitMs + graceMs)),
    ]);
    const ms = performance.now() - t0;
    if (out === 'hang') return { kind: 'hang', ms };
    if (out.ok) return { kind: 'report', ms, score: out.score };
    if (out.timedOut) return { kind: 'hang', ms };
    if (TYPED_INPUT_CODES.has(out.code)) return { kind: 'typed', ms, code: out.code, message: out.message.slice(0, 300) };
    return { kind: 'crash', ms, detail: `${out.code || 'untyped'} ${out.message}`.slice(0, 300) };
  } catch (err) {
    return { kind: 'crash', ms: performance.now() - t0, detail: `page: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` };
  }
}

/** Counts of a run. */
export interface FuzzSummary {
  cases: number;
  reports: number;
  typedErrors: number;
  hangs: number;
  crashes: number;
  byCode: Record<string, number>;
  maxMs: number;
}

/** Adds up outcomes. */
export function summarize(outcomes: readonly FuzzOutcome[]): FuzzSummary {
  const byCode: Record<string, number> = {};
  for (const o of outcomes) if (o.kind === 'typed') byCode[o.code] = (byCode[o.code] ?? 0) + 1;
  return {
    cases: outcomes.length,
    reports: outcomes.filter((o) => o.kind === 'report').length,
    typedErrors: outcomes.filter((o) => o.kind === 'typed').length,
    hangs: outcomes.filter((o) => o.kind === 'hang').length,
    crashes: outcomes.filter((o) => o.kind === 'crash').length,
    byCode,
    maxMs: Math.round(Math.max(0, ...outcomes.map((o) => o.ms))),
  };
}

/** The summary as one line. */
export function summaryLine(s: FuzzSummary): string {
  return `fuzz: ${s.cases} cases, ${s.reports} reports, ${s.typedErrors} typed errors (${Object.entries(s.byCode).map(([k, v]) => `${k} ${v}`).join(', ')}), hangs=${s.hangs}, crashes=${s.crashes}, slowest ${s.maxMs} ms`;
}
