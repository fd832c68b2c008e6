/** A small route context for router tests: five textured 16×9 keyframes of a 4-s 360p clip, no probe experts. */
import { EXPERTS } from '../experts/registry.ts';
import type { ExpertMeta } from '../experts/types.ts';
import type { RouteContext } from '../router/types.ts';

/** The context over `catalogue` (every shipped expert by default), at tier 1. */
export function smallRouteContext(catalogue: readonly ExpertMeta[] = EXPERTS): RouteContext {
  const keyframe = (tS: number) => {
    const rgb = new Uint8Array(16 * 9 * 3);
    for (let i = 0; i < rgb.length; i++) rgb[i] = (i * 7 + Math.round(tS * 10)) & 0xff;
    return { tS, width: 16, height: 9, rgb };
  };
  return {
    video: { container: 'mp4', codec: 'avc1.64001e', width: 640, height: 360, durationS: 4, fps: 30, frameCount: 120, decoder: 'webcodecs' },
    probe: { keyframes: [0.3, 1, 1.7, 2.3, 3].map(keyframe), experts: [], motion: { adjacentDiffs: [1, 2], distantDiffs: [10, 12] }, ms: 5 },
    catalogue,
    budget: { tier: 1 },
  };
}
