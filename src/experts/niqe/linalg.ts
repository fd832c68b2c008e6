/**
 * The little dense linear algebra NIQE needs after the graph: column means ignoring NaN, the
 * sample covariance of complete rows, and the Moore–Penrose pseudo-inverse of a symmetric matrix
 * (what np.nanmean, np.cov and np.linalg.pinv compute in the reference).
 */

/** A row-major square or rectangular matrix of doubles. */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

/** Column means over the rows that are not NaN in that column (np.nanmean(axis=0)). */
export function nanMean(m: Matrix): Float64Array {
  const out = new Float64Array(m.cols);
  for (let j = 0; j < m.cols; j++) {
    let s = 0;
    let n = 0;
    for (let i = 0; i < m.rows; i++) {
      const v = m.data[i * m.cols + j]!;
      if (!Number.isNaN(v)) {
        s += v;
        n++;
      }
    }
    out[j] = n ? s / n : NaN;
  }
  return out;
}

/** Sample covariance (ddof = 1) of the rows that contain no NaN (np.cov(rowvar=False)). */
export function covarianceOfCompleteRows(m: Matrix): Matrix {
  const d = m.cols;
  const rows: number[] = [];
  for (let i = 0; i < m.rows; i++) {
    let ok = true;
    for (let j = 0; j < d && ok; j++) if (Number.isNaN(m.data[i * d + j]!)) ok = false;
    if (ok) rows.push(i);
  }
  const mean = new Float64Array(d);
  for (const i of rows) for (let j = 0; j < d; j++) mean[j]! += m.data[i * d + j]! / rows.length;
  const out = new Float64Array(d * d);
  for (const i of rows)
    for (let a = 0; a < d; a++) {
      const da = m.data[i * d + a]! - mean[a]!;
      for (let b = a; b < d; b++) out[a * d + b]! += da * (m.data[i * d + b]! - mean[b]!);
    }
  const n = rows.length - 1; // n ≤ 0 gives NaN, as numpy does
  for (let a = 0; a < d; a++)
    for (let b = a; b < d; b++) {
      const v = out[a * d + b]! / n;
      out[a * d + b] = v;
      out[b * d + a] = v;
    }
  return { rows: d, cols: d, data: out };
}

/** Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations: A = V diag(λ) Vᵀ. */
export function symmetricEigen(a: Matrix): { values: Float64Array; vectors: Float64Array } {
  const n = a.rows;
  const A = Float64Array.from(a.data);
  const V = new Float64Array(n * n);
  for (let i = 0; i < n; i++) V[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += A[p * n + q]! ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        const apq = A[p * n + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (A[q * n + q]! - A[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = A[k * n + p]!;
          const akq = A[k * n + q]!;
          A[k * n + p] = c * akp - s * akq;
          A[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = A[p * n + k]!;
          const aqk = A[q * n + k]!;
          A[p * n + k] = c * apk - s * aqk;
          A[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = V[k * n + p]!;
          const vkq = V[k * n + q]!;
          V[k * n + p] = c * vkp - s * vkq;
          V[k * n + q] = s * vkp + c * vkq;
        }
      }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = A[i * n + i]!;
  return { values, vectors: V };
}

/**
 * Pseudo-inverse of a symmetric matrix, dropping eigenvalues below rcond·max|λ| (numpy's default
 * rcond = 1e-15 on singular values, which are |λ| here). NaN in → NaN out.
 */
export function pinvSymmetric(a: Matrix, rcond = 1e-15): Matrix {
  const n = a.rows;
  if (a.data.some((v) => !Number.isFinite(v))) return { rows: n, cols: n, data: new Float64Array(n * n).fill(NaN) };
  const { values, vectors } = symmetricEigen(a);
  const cutoff = rcond * Math.max(...Array.from(values, Math.abs));
  const out = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const l = values[k]!;
    if (Math.abs(l) <= cutoff) continue;
    for (let i = 0; i < n; i++) {
      const vi = vectors[i * n + k]! / l;
      for (let j = 0; j < n; j++) out[i * n + j]! += vi * vectors[j * n + k]!;
    }
  }
  return { rows: n, cols: n, data: out };
}

/** dᵀ M d for a vector d and square matrix M. */
export function quadratic(m: Matrix, d: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < m.rows; i++) {
    let r = 0;
    for (let j = 0; j < m.cols; j++) r += m.data[i * m.cols + j]! * d[j]!;
    s += d[i]! * r;
  }
  return s;
}
