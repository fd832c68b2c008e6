/**
 * Understands the common forms of quality question: is there X, when, where, how bad, what is the
 * main problem, how good is it overall, which of two clips is better. Artifact names are matched with
 * the words people use for them ("blurry", "pixelated", "grainy", "stuck", "jerky" …).
 */
import type { ArtifactType } from '../report/types.ts';
import type { ParsedQuestion } from './types.ts';

/** Words that name each artifact, as regular-expression stems. */
export const ARTIFACT_WORDS: Record<ArtifactType, RegExp> = {
  blur: /\b(blur\w*|soft(ness)?|out of focus|unfocus\w*|defocus\w*|not sharp|sharp(ness)?|fuzzy|smear\w*)\b/,
  blocking: /\b(block\w*|blocky|pixelat\w*|macroblock\w*|compression artifacts?|compressed|artifacting)\b/,
  noise: /\b(nois\w*|grain\w*|speckl\w*|sensor noise)\b/,
  banding: /\b(band\w*|posteri[sz]\w*|contour\w*|gradient steps?)\b/,
  overexposure: /\b(over-?expos\w*|blown( out)?|clipped (white|highlights)|too bright|washed out|burnt highlights)\b/,
  underexposure: /\b(under-?expos\w*|too dark|crushed blacks?|dark(ness)?)\b/,
  freeze: /\b(freez\w*|froze\w*|frozen|stuck|still frames?|pauses?|hangs?)\b/,
  black: /\b(black (frames?|screens?|out)|blackout|goes black|turns black|black)\b/,
  flicker: /\b(flicker\w*|flashing|flash\w*|pulsing|brightness (jumps|changes))\b/,
  stutter: /\b(stutter\w*|judder\w*|jerk\w*|choppy|dropped frames?|frame drops?|skipp\w*|lag\w*)\b/,
  interlacing: /\b(interlac\w*|combing|comb\w*|fields?)\b/,
};

/** Order in which artifact words are tried: specific phrases before the general ones they contain. */
const ORDER: ArtifactType[] = ['black', 'overexposure', 'underexposure', 'interlacing', 'stutter', 'freeze', 'flicker', 'banding', 'blocking', 'noise', 'blur'];

/** The artifact a question names, if any. */
export function artifactIn(text: string): ArtifactType | undefined {
  const q = text.toLowerCase();
  return ORDER.find((t) => ARTIFACT_WORDS[t].test(q));
}

/** Classifies a question. `pair` is true when two clips are being asked about. */
export function parseQuestion(question: string, pair = false): ParsedQuestion {
  const q = question.toLowerCase().replace(/\s+/g, ' ').trim();
  const artifact = artifactIn(q);
  if (pair || /\b(which|what) (one|clip|video|file)\b.*\b(better|worse|best|worst|higher|lower)\b|\bcompare\b|\b(better|worse) than\b/.test(q)) {
    return { kind: 'compare', artifact };
  }
  if (/\b(main|biggest|worst|primary|most (serious|severe|visible|noticeable)|largest) (problem|issue|defect|artifact|flaw|distortion)\b|\bwhat('s| is) wrong\b|\bwhy (is|does) (the|its|this)? ?(score|quality)\b/.test(q)) {
    return { kind: 'main-problem' };
  }
  if (/^(when|at what (time|point|moment)|what time|how long|for how long)\b|\b(at which|which) (time|moment|seconds?|part)\b|\btimestamps?\b/.test(q)) {
    return artifact ? { kind: 'when', artifact } : { kind: 'when' };
  }
  if (/^where\b|\b(which|what) (part|area|region|corner|side) of the (frame|picture|image|screen)\b|\bin which (region|area)\b/.test(q)) {
    return artifact ? { kind: 'where', artifact } : { kind: 'where' };
  }
  if (/^how (bad|strong|severe|serious|noticeable|visible|much|heavy)\b|\bseverity\b|\bhow (blurry|noisy|blocky|dark|bright|grainy)\b/.test(q)) {
    return artifact ? { kind: 'severity', artifact } : { kind: 'overall' };
  }
  if (/\b(overall|quality|score|rate|rating|good|acceptable|watchable|fine|look ok|ok to publish|high quality|low quality)\b/.test(q) && !artifact) {
    return { kind: 'overall' };
  }
  if (artifact && /^(is|are|does|do|did|was|were|has|have|can|could|any)\b|\bany\b|\?$/.test(q)) return { kind: 'presence', artifact };
  return artifact ? { kind: 'presence', artifact } : { kind: 'unknown' };
}
