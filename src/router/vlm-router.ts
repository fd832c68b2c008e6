/**
 * The vision-language-model router. Its model weights are a multi-gigabyte download the user must opt
 * into; when no model engine is available in this page, it falls back to the fast router and the
 * route's rationale says so.
 */
import type { ReportRoute } from '../report/types.ts';
import type { Router, RouterEvidence } from './types.ts';

/** A loaded VLM engine that can answer a routing prompt; provided by the page when the user opted in. */
export interface VlmEngine {
  routeFromEvidence(evidence: RouterEvidence[], signal?: AbortSignal): Promise<ReportRoute>;
}

let engine: VlmEngine | undefined;

/** Registers a loaded VLM engine (after the user opted into downloading it). */
export function setVlmEngine(e: VlmEngine | undefined): void {
  engine = e;
}

/** Routes with the VLM when one is loaded, otherwise with the fallback, saying why. */
export class VlmRouter implements Router {
  readonly kind = 'vlm' as const;

  constructor(private readonly fallback: Router) {}

  async route(evidence: RouterEvidence[], signal?: AbortSignal): Promise<ReportRoute> {
    if (engine) {
      try {
        return await engine.routeFromEvidence(evidence, signal);
      } catch (err) {
        return this.fallBack(evidence, `the vision-language model failed (${err instanceof Error ? err.message : String(err)})`);
      }
    }
    return this.fallBack(evidence, 'no vision-language model is loaded in this page (its weights are downloaded only when you opt in)');
  }

  private async fallBack(evidence: RouterEvidence[], why: string): Promise<ReportRoute> {
    const route = await this.fallback.route(evidence);
    return { ...route, router: 'fast', rationale: `VLM router unavailable: ${why}; used the fast router. ${route.rationale}` };
  }
}
