/**
 * The content-type classifier the fast router calls: multinomial logistic regression on standardized
 * features (`features.ts`), its parameters fitted offline by `bench/content/fit.ts` into `model.json`.
 *
 * Why logistic regression: the dataset is small (a few hundred clips from a few dozen origins), so a
 * model with one weight per feature and type is what it can support without memorizing origins; it
 * gives probabilities that a single temperature (fitted on held-out predictions) calibrates, and its
 * per-feature contributions (weight × standardized value) say in words why it decided, which a tree
 * ensemble or a nearest-centroid rule would not give as directly. Missing features (a probe expert
 * that did not run) read as the training mean, i.e. contribute nothing.
 *
 * A second, deterministic stage sits on top (`decideLight`): low light is camera footage shot in the
 * dark, so between natural camera and low light the picture's mean luma decides, not the regression
 * (the mean of the keyframes that are not crushed into black: scene-luma.ts).
 */
import { CONTENT_TYPES, type ContentType, type RouteContext } from '../types.ts';
import { contentFeatures, FEATURES, keyframeStats } from './features.ts';
import { sceneLuma } from './scene-luma.ts';
import modelJson from './model.json' with { type: 'json' };

/** The fitted parameters (the shape of `model.json`). */
export interface ContentModel {
  features: string[];
  classes: string[];
  mean: number[];
  std: number[];
  /** classes × features. */
  weights: number[][];
  bias: number[];
  /** Softmax temperature fitted on held-out predictions (> 1 softens overconfident logits). */
  temperature: number;
  /**
   * Mean keyframe luma (0..1) below which camera footage is low light (see `decideLight`): halfway
   * between the median picture of the natural-camera and the low-light clips it was fitted on.
   * Absent in older models (the logistic regression alone decides).
   */
  lowLightLuma?: number;
}

/** What the classifier says about one video. */
export interface ContentClassification {
  contentType: ContentType;
  /** Calibrated probability of `contentType`, 0..1. */
  confidence: number;
  /** Calibrated probability of every type. */
  scores: Record<ContentType, number>;
  /** Plain-word reasons: the features that pushed most towards the chosen type. */
  reasons: string[];
}

const MODEL = modelJson as ContentModel;

/** Standardizes a feature vector in the model's feature order (NaN → 0, the training mean). */
export function standardize(model: ContentModel, names: readonly string[], x: ArrayLike<number>): Float64Array {
  const z = new Float64Array(model.features.length);
  model.features.forEach((name, j) => {
    const v = x[names.indexOf(name)];
    z[j] = v === undefined || !Number.isFinite(v) ? 0 : (v - model.mean[j]!) / (model.std[j]! || 1);
  });
  return z;
}

/** Class probabilities for standardized features `z` (softmax of the logits over the temperature). */
export function probabilities(model: ContentModel, z: ArrayLike<number>, temperature = model.temperature): number[] {
  const logits = model.weights.map((w, c) => (model.bias[c]! + w.reduce((s, wj, j) => s + wj * z[j]!, 0)) / temperature);
  const m = Math.max(...logits);
  const e = logits.map((l) => Math.exp(l - m));
  const sum = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / sum);
}

/**
 * The second stage of the decision: low light is natural camera footage shot in the dark, so when the
 * model's call is one of the two, the picture's mean luma decides which, against the model's
 * `lowLightLuma`. When the rule overrules the model the two types' probabilities are swapped, so the
 * chosen type keeps the larger share and the other types are untouched. Returns the chosen class
 * index and whether the rule changed it; `p` is updated in place.
 */
export function decideLight(model: ContentModel, lumaMean: number, p: number[], best: number): { best: number; overruled: boolean } {
  const nat = model.classes.indexOf('natural-camera');
  const low = model.classes.indexOf('low-light');
  const cut = model.lowLightLuma;
  if (cut === undefined || !Number.isFinite(lumaMean) || nat < 0 || low < 0 || (best !== nat && best !== low)) return { best, overruled: false };
  const want = lumaMean < cut ? low : nat;
  if (want === best) return { best, overruled: false };
  [p[nat], p[low]] = [p[low]!, p[nat]!];
  return { best: want, overruled: true };
}

/** The features that favour class `c` most over the other classes, in words. */
function reasonsFor(model: ContentModel, z: Float64Array, c: number): string[] {
  const k = model.classes.length;
  const contrib = model.features.map((name, j) => {
    const others = model.weights.reduce((s, w, i) => (i === c ? s : s + w[j]!), 0) / Math.max(1, k - 1);
    return { name, value: (model.weights[c]![j]! - others) * z[j]!, high: z[j]! > 0 };
  });
  const sorted = contrib.filter((x) => x.value > 0).sort((a, b) => b.value - a.value);
  // Up to three, each at least a fifth of the strongest push.
  const top = sorted.filter((x) => x.value >= 0.2 * sorted[0]!.value).slice(0, 3);
  return top.map(({ name, high }) => {
    const doc = FEATURES.find((f) => f.name === name);
    return doc ? (high ? doc.high : doc.low) : name;
  });
}

/** Classifies with explicit model parameters (tests and the fit use this). */
export function classifyWith(model: ContentModel, ctx: RouteContext): ContentClassification {
  const names = FEATURES.map((f) => f.name);
  const x = contentFeatures(ctx);
  const z = standardize(model, names, x);
  const p = probabilities(model, z);
  let best = 0;
  for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
  // The light the scene was shot in: keyframes crushed into black are left out (scene-luma.ts).
  const lumaMean = sceneLuma(keyframeStats(ctx.probe.keyframes));
  const light = decideLight(model, lumaMean, p, best);
  best = light.best;
  const scores = Object.fromEntries(CONTENT_TYPES.map((t) => [t, p[model.classes.indexOf(t)] ?? 0])) as Record<ContentType, number>;
  const words = reasonsFor(model, z, best);
  const contentType = model.classes[best] as ContentType;
  const reasons = words.length ? [`${words.slice(0, -1).join(', ')}${words.length > 1 ? ' and ' : ''}${words.at(-1)}`] : ['no feature stands out; the most likely type overall'];
  if (light.overruled) {
    const dark = contentType === 'low-light';
    reasons.unshift(`camera footage with a ${dark ? 'dark' : 'well-lit'} picture (mean luma ${lumaMean.toFixed(2)} ${dark ? 'below' : 'at or above'} ${model.lowLightLuma!.toFixed(2)})`);
  }
  return { contentType, confidence: p[best]!, scores, reasons };
}

/** Classifies the content of a video from its route context with the shipped model. */
export function classifyContent(ctx: RouteContext): ContentClassification {
  return classifyWith(MODEL, ctx);
}
