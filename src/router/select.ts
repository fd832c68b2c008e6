/** Picks the router implementation for a run. */
import { FastRouter } from './fast-router.ts';
import type { Router } from './types.ts';

/** The fast router; the route stage falls back to it whenever another router fails. */
export const fastRouter: Router = new FastRouter();

/** The fast router with the content type's routing factors turned off: the ablation baseline. */
export const uniformRouter: Router = new FastRouter({ uniform: true });
