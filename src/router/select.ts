/** Picks the router implementation for a run. */
import { FastRouter } from './fast-router.ts';
import type { Router } from './types.ts';
import { VlmRouter } from './vlm-router.ts';

/** The router for the requested kind; the VLM router falls back to the fast one on its own. */
export function selectRouter(kind: 'fast' | 'vlm'): Router {
  return kind === 'vlm' ? new VlmRouter(new FastRouter()) : new FastRouter();
}
