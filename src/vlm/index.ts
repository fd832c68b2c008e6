/**
 * The vision-language side of the library, for pages: load a model in the browser (opt-in), or use a
 * local OpenAI-compatible endpoint, then pass it as `analyzeVideo(file, { router: 'vlm', vlm })`, to
 * `ask(report, question, { vlm })` or to `explainEvents(report, { vlm })`.
 */
export type { VlmBackend, VlmPrompt, JsonSchema } from './backend.ts';
export { VlmEngineHost, VlmLoadError, readWeightManifest, type VlmLoadProgress, type VlmLoadOptions } from './engine-host.ts';
export { OpenAiCompatibleBackend, type OpenAiBackendOptions } from './openai-backend.ts';
export { DEFAULT_VLM_MODEL_ID, formatBytes, parseModelRecord, prebuiltModelRecord, readModelRecord, type VlmModelRecord } from './model-record.ts';
export { checkVlmCapability, type VlmCapability, type GpuEnvironment } from './capability.ts';
export { explainEvents, ruleExplanation, type EventExplanation, type ExplainOptions } from './explain.ts';
