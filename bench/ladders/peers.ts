/**
 * ffmpeg's `blockdetect` and `blurdetect` on the very frames of the spatial experts' own ladders
 * (bench/ladders/spatial.ts): each level's luma frame is piped to ffmpeg as raw gray video, so the
 * peers and our experts see identical pixels. Prints and writes, per ladder, the mean Spearman over
 * sources of each peer's "worse" direction (larger is worse for both) with the distortion strength,
 * beside our expert's from bench/out/ladders-spatial.json when it exists.
 * Writes bench/out/ladders-peers.json.
 *
 *   npx tsx bench/ladders/peers.ts [--width 960]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCache, DISTORTIONS, prepareSources } from './ladder-lib.ts';
import { SOURCES } from './sources.ts';
import { mean } from '../lib/stats.ts';
import { spearman } from '../../src/testing/media.ts';
import type { Plane } from '../../src/testing/expert-harness.ts';

/** The ladders compared, with the expert of ours that owns each. */
const LADDERS: Record<string, string> = { crf: 'blocking', crf075: 'blocking', blur: 'sharpness', downup: 'sharpness' };
const PEERS = { blockdetect: /block mean: ([\d.]+)/, blurdetect: /blur mean: ([\d.]+)/ } as const;
type Peer = keyof typeof PEERS;

/** ffmpeg's summary value of `filter` on one luma frame. */
function peerOnPlane(p: Plane, filter: Peer): number {
  const bytes = Buffer.from(Uint8Array.from(p.data, (v) => Math.max(0, Math.min(255, Math.round(v)))));
  const args = ['-hide_banner', '-nostdin', '-v', 'info', '-f', 'rawvideo', '-pix_fmt', 'gray', '-s', `${p.width}x${p.height}`, '-i', '-', '-vf', filter, '-f', 'null', '-'];
  const res = spawnSync('ffmpeg', args, { input: bytes, maxBuffer: 1 << 24, encoding: 'utf8' });
  const value = Number(PEERS[filter].exec(res.stderr)?.[1]);
  if (!Number.isFinite(value)) throw new Error(`ffmpeg ${filter} gave no value: ${res.stderr.slice(-300)}`);
  return value;
}

async function main(): Promise<void> {
  const widthArg = process.argv.indexOf('--width');
  const width = widthArg > 0 ? Number(process.argv[widthArg + 1]) : 960;
  const cache = defaultCache(`w${width}`);
  const sources = prepareSources(SOURCES, width, cache);
  const oursFile = join(import.meta.dirname, '../out/ladders-spatial.json');
  const ours = existsSync(oursFile)
    ? (JSON.parse(readFileSync(oursFile, 'utf8')) as { rows: { expert: string; distortion: string; spearman: number }[] }).rows
    : [];
  const rows: { ladder: string; expert: string; ours: number | null; blockdetect: number; blurdetect: number }[] = [];
  for (const [ladder, expert] of Object.entries(LADDERS)) {
    const d = DISTORTIONS[ladder]!;
    const rho: Record<Peer, number[]> = { blockdetect: [], blurdetect: [] };
    for (const src of sources) {
      const frames = d.levels.map((l) => d.make(src.path, l, 'luma', cache));
      for (const peer of Object.keys(PEERS) as Peer[]) {
        const values = frames.map((f) => peerOnPlane(f, peer));
        rho[peer].push(spearman(d.levels.map((_, i) => i), values));
      }
    }
    const own = ours.find((r) => r.expert === expert && r.distortion === ladder);
    const row = { ladder, expert, ours: own?.spearman ?? null, blockdetect: mean(rho.blockdetect), blurdetect: mean(rho.blurdetect) };
    rows.push(row);
    console.log(`${ladder.padEnd(8)} ours (${expert}) ${row.ours?.toFixed(3) ?? '–'}  blockdetect ${row.blockdetect.toFixed(3)}  blurdetect ${row.blurdetect.toFixed(3)}`);
  }
  const outDir = join(import.meta.dirname, '../out');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'ladders-peers.json');
  writeFileSync(file, JSON.stringify({ width, sources: sources.map((s) => s.name), rows }, null, 2) + '\n');
  console.log(`wrote ${file}`);
}

await main();
