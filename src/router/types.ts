/** The router interface: decides which experts matter for this video and how much. */
import type { ExpertMeta } from '../experts/types.ts';
import type { ReportRoute } from '../report/types.ts';

/** What the router sees of one expert after the run. */
export interface RouterEvidence {
  meta: ExpertMeta;
  /** Video-level raw value. */
  raw: number;
  /** 0..100 quality from metadata normalisation. */
  quality: number;
  /** Fraction of its frames beyond the expert's threshold. */
  flaggedFraction: number;
}

/** A router returns weights per expert (0..1 importance), a content type and its reasons. */
export interface Router {
  readonly kind: 'fast' | 'vlm';
  route(evidence: RouterEvidence[], signal?: AbortSignal): Promise<ReportRoute>;
}
