/**
 * The gamma function and the shape-parameter grids that BRISQUE and NIQE search when they fit a
 * (asymmetric) generalised Gaussian to MSCN coefficients. The grids are precomputed here in double
 * precision and stored in the models as constant tables, so the search is one ArgMin in the graph.
 */

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** Γ(x) for real x > 0 (Lanczos approximation, ~15 significant digits; reflection below 0.5). */
export function gammaFn(x: number): number {
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gammaFn(1 - x));
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + LANCZOS_G + 0.5;
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i]! / (z + i);
  return Math.sqrt(2 * Math.PI) * Math.pow(t, z + 0.5) * Math.exp(-t) * a;
}

/** A grid of candidate shape parameters with the tables the fit reads from it. */
export interface AggdGrid {
  /** Candidate shape parameters γ. */
  gamma: Float64Array;
  /** ρ(γ) = Γ(2/γ)² / (Γ(1/γ) Γ(3/γ)), the moment ratio the estimate is matched against. */
  ratio: Float64Array;
  /** sqrt(Γ(1/γ) / Γ(3/γ)): turns a one-sided standard deviation into the AGGD scale β. */
  betaScale: Float64Array;
  /** Γ(2/γ)/Γ(1/γ) · sqrt(Γ(1/γ)/Γ(3/γ)): turns (σr − σl) into the AGGD mean. */
  meanScale: Float64Array;
}

function tables(gam: number[]): AggdGrid {
  const n = gam.length;
  const g = { gamma: Float64Array.from(gam), ratio: new Float64Array(n), betaScale: new Float64Array(n), meanScale: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const a = gam[i]!;
    const g1 = gammaFn(1 / a);
    const g2 = gammaFn(2 / a);
    const g3 = gammaFn(3 / a);
    g.ratio[i] = (g2 * g2) / (g1 * g3);
    g.betaScale[i] = Math.sqrt(g1 / g3);
    g.meanScale[i] = (g2 / g1) * Math.sqrt(g1 / g3);
  }
  return g;
}

/**
 * OpenCV's BRISQUE grid: `for (gam = 0.2; gam < 10; gam += 0.001)` with the step accumulated in
 * double, exactly as its loop walks it (the loop stops at the first rise of |ρ(γ) − r̂|; ρ is
 * monotonic on this range, so that is the grid's arg-min).
 */
export function opencvGrid(): AggdGrid {
  const gam: number[] = [];
  for (let v = 0.2; v < 10; v += 0.001) gam.push(v);
  return tables(gam);
}

/** NIQE's grid as BasicSR/MATLAB build it: `np.arange(0.2, 10.001, 0.001)` (9801 values). */
export function numpyGrid(): AggdGrid {
  const n = Math.ceil((10.001 - 0.2) / 0.001);
  return tables(Array.from({ length: n }, (_, i) => 0.2 + i * 0.001));
}
