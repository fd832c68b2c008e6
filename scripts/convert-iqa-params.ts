/**
 * Converts the published BRISQUE and NIQE parameters into the JSON the expert models are built from:
 * - OpenCV's LIVE-trained BRISQUE epsilon-SVR (`brisque_model_live.yml`) and its feature range file
 *   (`brisque_range_live.yml`) → src/experts/brisque/svr.json;
 * - the NIQE pristine multivariate Gaussian and 7x7 window (`niqe_pristine_params.json`) →
 *   src/experts/niqe/params.json.
 * Run once: `npx tsx scripts/convert-iqa-params.ts [dir]` (default ../shared/data/iqa-params).
 * Origin and licence of the values are in each expert folder's NOTICE.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dir = resolve(process.argv[2] ?? join(root, '../shared/data/iqa-params'));

/** All numbers in a slice of OpenCV YAML text (handles "1024." and exponents). */
function numbers(text: string): number[] {
  return (text.match(/-?\d+\.?\d*(?:e[-+]?\d+)?/gi) ?? []).map(Number);
}

/** The text of a YAML flow sequence `[ ... ]` that starts after `key:` (first one after `from`). */
function flowSeq(text: string, key: string, from = 0): { body: string; end: number } {
  const at = text.indexOf(`${key}:`, from);
  if (at < 0) throw new Error(`"${key}" not found`);
  const open = text.indexOf('[', at);
  const close = text.indexOf(']', open);
  return { body: text.slice(open + 1, close), end: close };
}

function scalar(text: string, key: string): number {
  const m = new RegExp(`\\b${key}:\\s*(-?[\\d.]+(?:e[-+]?\\d+)?)`, 'i').exec(text);
  if (!m) throw new Error(`"${key}" not found`);
  return Number(m[1]);
}

function convertBrisque(): void {
  const yml = readFileSync(join(dir, 'brisque_model_live.yml'), 'utf8');
  if (!/svmType:\s*EPS_SVR/.test(yml) || !/type:\s*RBF/.test(yml)) throw new Error('expected an EPS_SVR with an RBF kernel');
  const varCount = scalar(yml, 'var_count');
  const svTotal = scalar(yml, 'sv_total');
  const gamma = scalar(yml, 'gamma');
  const svStart = yml.indexOf('support_vectors:');
  const dfStart = yml.indexOf('decision_functions:');
  const svText = yml.slice(svStart, dfStart);
  const supportVectors: number[][] = [];
  for (const m of svText.matchAll(/\[([^\]]*)\]/g)) supportVectors.push(numbers(m[1]!));
  const df = yml.slice(dfStart);
  if (/\bindex:/.test(df)) throw new Error('decision function with an index list is not supported');
  const rho = scalar(df, 'rho');
  const alpha = numbers(flowSeq(df, 'alpha').body);
  if (supportVectors.length !== svTotal || alpha.length !== svTotal) throw new Error('support vector count mismatch');
  if (supportVectors.some((v) => v.length !== varCount)) throw new Error('support vector length mismatch');

  const range = readFileSync(join(dir, 'brisque_range_live.yml'), 'utf8');
  const data = numbers(flowSeq(range, 'data').body);
  if (data.length !== 2 * varCount) throw new Error('range file has the wrong size');
  const out = {
    source: 'opencv_contrib modules/quality/samples/brisque_model_live.yml + brisque_range_live.yml (Apache-2.0)',
    kernel: 'rbf',
    // OpenCV's SVR: y = sum_i alpha_i * exp(-gamma * |x - sv_i|^2) - rho.
    gamma,
    rho,
    featureMin: data.slice(0, varCount),
    featureMax: data.slice(varCount),
    alpha,
    supportVectors,
  };
  writeFileSync(join(root, 'src/experts/brisque/svr.json'), JSON.stringify(out) + '\n');
  console.log(`brisque: ${svTotal} support vectors x ${varCount} features, gamma ${gamma}, rho ${rho}`);
}

function convertNiqe(): void {
  const p = JSON.parse(readFileSync(join(dir, 'niqe_pristine_params.json'), 'utf8')) as {
    mu_pris_param: number[][] | number[];
    cov_pris_param: number[][];
    gaussian_window: number[][];
  };
  const mu = (p.mu_pris_param as unknown[]).flat(2) as number[];
  if (mu.length !== 36 || p.cov_pris_param.length !== 36) throw new Error('unexpected NIQE parameter sizes');
  const out = {
    source: 'LIVE NIQE release modelparameters.mat (same values as BasicSR niqe_pris_params.npz)',
    mu,
    cov: p.cov_pris_param,
    window: p.gaussian_window,
  };
  writeFileSync(join(root, 'src/experts/niqe/params.json'), JSON.stringify(out) + '\n');
  console.log('niqe: pristine mean (36), covariance (36x36), window (7x7)');
}

convertBrisque();
convertNiqe();
