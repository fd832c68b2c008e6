/**
 * Cost per frame of the ladder experts on synthetic frames (wasm, one thread):
 * `npx tsx bench/ladders/cost.ts`. Temporal experts at 320x180 in batches of 48, row-keeping
 * experts at 960x540 in batches of 4.
 */
import { LADDER_EXPERTS, loadExpert, timePerFrame } from './experts.ts';

/** Measures every ladder expert and returns ms per frame by id. */
export async function measureCosts(repeats = 5): Promise<Record<string, { width: number; height: number; batch: number; msPerFrame: number }>> {
  const out: Record<string, { width: number; height: number; batch: number; msPerFrame: number }> = {};
  for (const id of LADDER_EXPERTS) {
    const e = await loadExpert(id);
    const [width, height, batch] = e.meta.inputs.keepRows ? [960, 540, 4] : [320, 180, 48];
    out[id] = { width, height, batch, msPerFrame: await timePerFrame(e, width, height, batch, repeats) };
  }
  return out;
}

if (import.meta.filename === process.argv[1]) {
  for (const [id, c] of Object.entries(await measureCosts(25))) {
    console.log(`${id.padEnd(12)} ${c.msPerFrame.toFixed(3)} ms/frame at ${c.width}x${c.height} (batch ${c.batch})`);
  }
}
