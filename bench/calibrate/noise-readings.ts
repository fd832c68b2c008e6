/**
 * Candidate noise readings on one luma plane (0..255, row-major), for the prototype in detail-loss.ts
 * (`--readings noise`). Grain encoded at a capped bit rate loses its highest frequencies (the encoder
 * smooths them away) but leaves blotchy residue a few pixels wide in flat areas; these readings look
 * for it at mid frequencies: the second-order residual (Immerkær 1996, as the noise expert) of the
 * plane averaged over 2×2 and 4×4 pixels, read per 16-px block, in the blocks flattest at that scale
 * or at full resolution.
 */

const SCALE = Math.sqrt(Math.PI / 2) / 6;
const BLOCK = 16;
/** Block mean levels outside this leave no room for noise (as the expert's `CLIPPED`). */
const CLIPPED: [number, number] = [8, 247];

/** The plane averaged over k×k pixels (floor of the sides). */
function boxDown(y: Float64Array, w: number, h: number, k: number): { d: Float64Array; w: number; h: number } {
  const dw = Math.floor(w / k), dh = Math.floor(h / k);
  const d = new Float64Array(dw * dh);
  for (let j = 0; j < dh; j++) {
    for (let i = 0; i < dw; i++) {
      let s = 0;
      for (let b = 0; b < k; b++) for (let a = 0; a < k; a++) s += y[(j * k + b) * w + i * k + a]!;
      d[j * dw + i] = s / (k * k);
    }
  }
  return { d, w: dw, h: dh };
}

/** |Immerkær residual| × scale, edge-padded. */
function residual(p: Float64Array, w: number, h: number): Float64Array {
  const r = new Float64Array(w * h);
  const at = (x: number, y: number) => p[Math.min(h - 1, Math.max(0, y)) * w + Math.min(w - 1, Math.max(0, x))]!;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = at(x - 1, y - 1) - 2 * at(x, y - 1) + at(x + 1, y - 1) - 2 * at(x - 1, y) + 4 * at(x, y) - 2 * at(x + 1, y) + at(x - 1, y + 1) - 2 * at(x, y + 1) + at(x + 1, y + 1);
      r[y * w + x] = Math.abs(v) * SCALE;
    }
  }
  return r;
}

/** The Immerkær residual (signed, unscaled), edge-padded. */
function signedResidual(p: Float64Array, w: number, h: number): Float64Array {
  const r = new Float64Array(w * h);
  const at = (x: number, y: number) => p[Math.min(h - 1, Math.max(0, y)) * w + Math.min(w - 1, Math.max(0, x))]!;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      r[y * w + x] = at(x - 1, y - 1) - 2 * at(x, y - 1) + at(x + 1, y - 1) - 2 * at(x - 1, y) + 4 * at(x, y) - 2 * at(x + 1, y) + at(x - 1, y + 1) - 2 * at(x, y + 1) + at(x + 1, y + 1);
    }
  }
  return r;
}

/** Per block of `b` pixels of a plane: the mean. */
function blockMean(p: Float64Array, w: number, h: number, b: number): Float64Array {
  return boxDown(p, w, h, b).d;
}

/** Mean of the lowest `share` of the values. */
function lowestMean(v: number[], share: number): number {
  if (!v.length) return 0;
  const s = [...v].sort((a, b) => a - b);
  const n = Math.max(1, Math.round(share * s.length));
  return s.slice(0, n).reduce((a, b) => a + b, 0) / n;
}

/** Mean of the values at `idx`. */
function meanAt(idx: number[], a: Float64Array): number {
  return idx.length ? idx.reduce((s, i) => s + a[i]!, 0) / idx.length : 0;
}

/**
 * The candidate readings of one 4:2:0 frame (`w`×`h` luma, then ⌈w/2⌉×⌈h/2⌉ Cb and Cr). Chroma
 * readings are per 16-px luma block (8 px of chroma): `cHi` the chroma residual at its own scale,
 * `cMid` the residual of chroma averaged over 2×2 (the blotches of a few chroma pixels that a capped
 * encode leaves of colour grain), each the mean of Cb's and Cr's.
 */
export function noiseReadings(frame: Uint8Array, w: number, h: number): Record<string, number> {
  const y = Float64Array.from(frame.subarray(0, w * h));
  const cw = Math.ceil(w / 2), ch = Math.ceil(h / 2);
  const cb = Float64Array.from(frame.subarray(w * h, w * h + cw * ch));
  const cr = Float64Array.from(frame.subarray(w * h + cw * ch, w * h + 2 * cw * ch));
  const bw = Math.floor(w / BLOCK), bh = Math.floor(h / BLOCK);
  /** A per-block map on a grid `gw` wide, cut to the luma block grid. */
  const cut = (m: Float64Array, gw: number) => {
    const o = new Float64Array(bw * bh);
    for (let j = 0; j < bh; j++) for (let i = 0; i < bw; i++) o[j * bw + i] = m[j * gw + i] ?? 0;
    return o;
  };
  const hi = cut(blockMean(residual(y, w, h), w, h, BLOCK), Math.floor(w / BLOCK));
  const level = cut(blockMean(y, w, h, BLOCK), Math.floor(w / BLOCK));
  const d4 = boxDown(y, w, h, 4);
  const mid4 = cut(blockMean(residual(d4.d, d4.w, d4.h), d4.w, d4.h, BLOCK / 4), Math.floor(d4.w / (BLOCK / 4)));
  const chromaAt = (scale: number) => {
    const k = BLOCK / 2 / scale;
    const [u, v] = [cb, cr].map((c) => {
      const d = scale > 1 ? boxDown(c, cw, ch, scale) : { d: c, w: cw, h: ch };
      return { r: signedResidual(d.d, d.w, d.h), w: d.w, h: d.h };
    }) as [{ r: Float64Array; w: number; h: number }, { r: Float64Array; w: number; h: number }];
    const per = (f: (a: number, b: number) => number) => {
      const m = new Float64Array(u.r.length);
      for (let i = 0; i < m.length; i++) m[i] = f(u.r[i]!, v.r[i]!);
      return cut(blockMean(m, u.w, u.h, k), Math.floor(u.w / k));
    };
    const sigma = per((a, b) => ((Math.abs(a) + Math.abs(b)) / 2) * SCALE);
    const uv = per((a, b) => a * b), uu = per((a) => a * a), vv = per((_, b) => b * b);
    // Cb and Cr residuals that move together are a coloured edge or palette art, not speckle.
    const decor = sigma.map((s, i) => s * Math.max(0, 1 - Math.abs(uv[i]!) / Math.sqrt(uu[i]! * vv[i]! + 1e-6)));
    return { sigma, decor };
  };
  const cHi = chromaAt(1).sigma;
  const { sigma: cMid, decor: cMidD } = chromaAt(2);
  const ok: number[] = [];
  for (let i = 0; i < bw * bh; i++) if (level[i]! >= CLIPPED[0] && level[i]! <= CLIPPED[1]) ok.push(i);
  const pick = (a: Float64Array) => ok.map((i) => a[i]!);
  const quarter = Math.max(1, Math.round(ok.length / 4));
  // Blocks flattest in luma at the mid scale: colour blotches there are not a coloured texture's.
  const flatMid = [...ok].sort((a, b) => mid4[a]! - mid4[b]!).slice(0, quarter);
  // Flat at both scales: coloured texture (grass) is flat in luma at the mid scale but not at full resolution.
  const flatBoth = [...ok].sort((a, b) => hi[a]! + mid4[a]! - hi[b]! - mid4[b]!).slice(0, quarter);
  const flatHi = [...ok].sort((a, b) => hi[a]! - hi[b]!).slice(0, quarter);
  const flatHalf = [...ok].sort((a, b) => mid4[a]! - mid4[b]!).slice(0, 2 * quarter);
  return {
    hi: lowestMean(pick(hi), 0.1),
    mid4: lowestMean(pick(mid4), 0.1),
    cHiHalf: lowestMean(pick(cHi), 0.5),
    cMidHalf: lowestMean(pick(cMid), 0.5),
    cMidLow: lowestMean(pick(cMid), 0.1),
    cMidFlat: meanAt(flatMid, cMid),
    cMidFlatD: meanAt(flatMid, cMidD),
    cMidHalfD: lowestMean(pick(cMidD), 0.5),
    cMidFlatBothD: meanAt(flatBoth, cMidD),
    cMidFlatHiD: meanAt(flatHi, cMidD),
    cMidFlatHalf: meanAt(flatHalf, cMid),
    cHiFlat: meanAt(flatMid, cHi),
    // Chroma blotches beyond the luma structure at the same scale (coloured texture carries luma too).
    cExcess: lowestMean(ok.map((i) => Math.max(0, cMid[i]! - mid4[i]!)), 0.5),
    cRatioFlat: meanAt(flatMid, cMid) / (0.05 + meanAt(flatMid, mid4)),
  };
}
