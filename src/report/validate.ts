/**
 * A strict validator for `qrouter.report/2`: every field present with the right type and range, and
 * no field the schema does not name. Used by tests and by anyone who consumes reports; a
 * `qrouter.report/1` document is first upgraded by `readReport` (`read.ts`).
 */
import { ARTIFACT_TYPES, type Report } from './types.ts';
import { validateDetail } from './detail.ts';

const LABELS = ['excellent', 'good', 'fair', 'poor', 'bad'];

/** Collects the problems found at each path; a missing field is reported once, by `object`. */
class Checker {
  readonly errors: string[] = [];

  fail(path: string, what: string): void {
    this.errors.push(`${path}: ${what}`);
  }

  /** `v` is a plain object with exactly `required` keys (plus any of `optional`). */
  object(path: string, v: unknown, required: string[], optional: string[] = []): v is Record<string, unknown> {
    if (v === undefined && path !== 'report') return false;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      this.fail(path, 'must be an object');
      return false;
    }
    for (const k of required) if (!(k in v)) this.fail(`${path}.${k}`, 'is missing');
    for (const k of Object.keys(v)) if (!required.includes(k) && !optional.includes(k)) this.fail(`${path}.${k}`, 'is not in the schema');
    return true;
  }

  number(path: string, v: unknown, min = -Infinity, max = Infinity): void {
    if (v === undefined) return;
    if (typeof v !== 'number' || !Number.isFinite(v)) this.fail(path, `must be a finite number (got ${JSON.stringify(v)})`);
    else if (v < min || v > max) this.fail(path, `must be within ${min}..${max} (got ${v})`);
  }

  integer(path: string, v: unknown, min = 0): void {
    this.number(path, v, min);
    if (typeof v === 'number' && !Number.isInteger(v)) this.fail(path, `must be an integer (got ${v})`);
  }

  string(path: string, v: unknown, nonEmpty = false): void {
    if (v === undefined) return;
    if (typeof v !== 'string') this.fail(path, 'must be a string');
    else if (nonEmpty && v.length === 0) this.fail(path, 'must not be empty');
  }

  oneOf(path: string, v: unknown, allowed: readonly unknown[]): void {
    if (v === undefined) return;
    if (!allowed.includes(v)) this.fail(path, `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')} (got ${JSON.stringify(v)})`);
  }

  array(path: string, v: unknown): v is unknown[] {
    if (v === undefined) return false;
    if (!Array.isArray(v)) this.fail(path, 'must be an array');
    return Array.isArray(v);
  }
}

/** Returns the list of problems with `value` as a `qrouter.report/1` report (empty when valid). */
export function validateReport(value: unknown): string[] {
  const c = new Checker();
  const top = ['schema', 'input', 'tier', 'score', 'label', 'confidence', 'route', 'experts', 'artifacts', 'timeline', 'timings', 'backend', 'warnings'];
  if (!c.object('report', value, top, ['detail', 'budget'])) return c.errors;
  const r = value;
  c.oneOf('report.schema', r.schema, ['qrouter.report/2']);
  c.oneOf('report.tier', r.tier, [0, 1, 2]);
  c.number('report.score', r.score, 0, 100);
  c.oneOf('report.label', r.label, LABELS);
  c.number('report.confidence', r.confidence, 0, 1);

  const inputKeys = ['name', 'bytes', 'container', 'codec', 'width', 'height', 'durationS', 'fps', 'frameCount', 'decoder'];
  if (c.object('report.input', r.input, inputKeys)) {
    const i = r.input;
    c.string('report.input.name', i.name, true);
    c.integer('report.input.bytes', i.bytes, 1);
    c.string('report.input.container', i.container, true);
    c.string('report.input.codec', i.codec, true);
    c.integer('report.input.width', i.width, 1);
    c.integer('report.input.height', i.height, 1);
    c.number('report.input.durationS', i.durationS, 0);
    c.number('report.input.fps', i.fps, 0);
    c.integer('report.input.frameCount', i.frameCount, 0);
    c.oneOf('report.input.decoder', i.decoder, ['webcodecs', 'ffmpeg.wasm']);
  }

  if (c.object('report.route', r.route, ['requested', 'router', 'contentType', 'contentConfidence', 'experts', 'rationale', 'reasons'], ['fallbackReason'])) {
    const route = r.route;
    c.oneOf('report.route.requested', route.requested, ['fast', 'vlm']);
    c.oneOf('report.route.router', route.router, ['fast', 'vlm']);
    c.string('report.route.fallbackReason', route.fallbackReason, true);
    if (route.requested !== route.router && !route.fallbackReason) c.fail('report.route.fallbackReason', 'is missing although the requested router was not used');
    c.string('report.route.contentType', route.contentType, true);
    c.number('report.route.contentConfidence', route.contentConfidence, 0, 1);
    c.string('report.route.rationale', route.rationale);
    if (c.array('report.route.reasons', route.reasons)) route.reasons.forEach((s, n) => c.string(`report.route.reasons[${n}]`, s, true));
    if (c.array('report.route.experts', route.experts)) {
      route.experts.forEach((e, n) => {
        const p = `report.route.experts[${n}]`;
        if (!c.object(p, e, ['id', 'weight'], ['frames'])) return;
        c.string(`${p}.id`, e.id, true);
        c.number(`${p}.weight`, e.weight, 0, 1);
        if ('frames' in e) c.integer(`${p}.frames`, e.frames, 1);
      });
    }
  }

  if (c.array('report.experts', r.experts)) {
    r.experts.forEach((e, n) => {
      const p = `report.experts[${n}]`;
      if (!c.object(p, e, ['id', 'score', 'raw', 'unit'], ['stage'])) return;
      c.oneOf(`${p}.stage`, e.stage, ['probe']);
      c.string(`${p}.id`, e.id, true);
      c.number(`${p}.score`, e.score, 0, 100);
      c.number(`${p}.raw`, e.raw);
      c.string(`${p}.unit`, e.unit);
    });
  }

  if (c.array('report.artifacts', r.artifacts)) {
    r.artifacts.forEach((a, n) => {
      const p = `report.artifacts[${n}]`;
      if (!c.object(p, a, ['type', 'startS', 'endS', 'severity', 'confidence'], ['region'])) return;
      c.oneOf(`${p}.type`, a.type, ARTIFACT_TYPES);
      c.number(`${p}.startS`, a.startS, 0);
      c.number(`${p}.endS`, a.endS, 0);
      if (typeof a.startS === 'number' && typeof a.endS === 'number' && a.endS < a.startS) c.fail(p, 'endS is before startS');
      c.number(`${p}.severity`, a.severity, 0, 1);
      c.number(`${p}.confidence`, a.confidence, 0, 1);
      if ('region' in a && c.object(`${p}.region`, a.region, ['x', 'y', 'w', 'h'])) {
        const g = a.region;
        for (const k of ['x', 'y', 'w', 'h']) c.number(`${p}.region.${k}`, g[k], 0, 1);
        if (typeof g.x === 'number' && typeof g.w === 'number' && g.x + g.w > 1 + 1e-6) c.fail(`${p}.region`, 'x + w exceeds 1');
        if (typeof g.y === 'number' && typeof g.h === 'number' && g.y + g.h > 1 + 1e-6) c.fail(`${p}.region`, 'y + h exceeds 1');
      }
    });
  }

  if (c.array('report.timeline', r.timeline)) {
    r.timeline.forEach((t, n) => {
      const p = `report.timeline[${n}]`;
      if (!c.object(p, t, ['tS', 'score'])) return;
      c.number(`${p}.tS`, t.tS, 0);
      c.number(`${p}.score`, t.score, 0, 100);
    });
  }

  if (c.object('report.timings', r.timings, ['decodeMs', 'expertsMs', 'routeMs', 'probeMs', 'totalMs', 'framesAnalyzed'])) {
    for (const k of ['decodeMs', 'expertsMs', 'routeMs', 'probeMs', 'totalMs']) c.number(`report.timings.${k}`, r.timings[k], 0);
    c.integer('report.timings.framesAnalyzed', r.timings.framesAnalyzed, 0);
  }

  if (c.object('report.backend', r.backend, ['ep', 'adapter'])) {
    c.oneOf('report.backend.ep', r.backend.ep, ['webgpu', 'wasm']);
    c.string('report.backend.adapter', r.backend.adapter);
  }
  if (c.array('report.warnings', r.warnings)) r.warnings.forEach((w, n) => c.string(`report.warnings[${n}]`, w, true));
  if ('budget' in r && c.object('report.budget', r.budget, ['budgetMs', 'predictedMs', 'fits'])) {
    c.number('report.budget.budgetMs', r.budget.budgetMs, 0);
    c.number('report.budget.predictedMs', r.budget.predictedMs, 0);
    c.oneOf('report.budget.fits', r.budget.fits, [true, false]);
  }
  if ('detail' in r) c.errors.push(...validateDetail(r.detail, 'report.detail'));
  return c.errors;
}

/** True when `value` is a valid `qrouter.report/2` report. */
export function isReport(value: unknown): value is Report {
  return validateReport(value).length === 0;
}
