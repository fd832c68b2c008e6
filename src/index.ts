/**
 * Q-Router Web: on-device video quality analysis in the browser.
 *
 * ```ts
 * import { analyzeVideo } from 'qrouter-web';
 * const report = await analyzeVideo(file, { tier: 1, onProgress: (e) => console.log(e.stage, e.progress) });
 * ```
 * @packageDocumentation
 */

export { analyzeVideo, measureDecode } from './api/analyze.ts';
export type { AnalyzeOptions, ProgressEvent, ProgressStage, EpPreference } from './api/options.ts';
export type {
  Report,
  ReportInput,
  ReportRoute,
  RouteExpert,
  ReportExpert,
  ReportArtifact,
  ReportTimings,
  Region,
  ArtifactType,
  QualityLabel,
  Tier,
} from './report/types.ts';
export { ARTIFACT_TYPES } from './report/types.ts';
export type { Detail, DetailExpert, DetailMaps, DetailMapFrame, DetailSeries } from './report/detail.ts';
export { validateDetail, decodeMap, DETAIL_LIMITS } from './report/detail.ts';
export {
  QRouterError,
  UnsupportedCodecError,
  CorruptInputError,
  ModelLoadError,
  WebGpuUnavailableError,
  CancelledError,
  WorkerCrashedError,
} from './errors.ts';
export type { ErrorCode } from './errors.ts';
export { EXPERTS, getExpert } from './experts/registry.ts';
export type { ExpertMeta, ExpertInputs, Pooling } from './experts/types.ts';
export { CONTENT_TYPES } from './router/types.ts';
export type { ContentType, Keyframe, ProbeResult, RouteContext, RoutePlan, Router } from './router/types.ts';
export { readReport } from './report/read.ts';
export { createVlmRouter, VlmRouter, VlmRouteError } from './router/vlm-router.ts';
export type { VlmRouterOptions } from './router/vlm-router.ts';
export * from './vlm/index.ts';
export { ask, parseQuestion } from './answer/ask.ts';
export type { Answer, AnswerValue, AskOptions, Level, ParsedQuestion, QuestionKind } from './answer/ask.ts';
