/**
 * The vision-language model's worker: a thin shell around WebLLM's engine handler. The page talks to
 * it through `CreateWebWorkerMLCEngine` (see src/vlm/engine-host.ts); the model's weights, its WebGPU
 * device and its generation all live here, off the page's thread and apart from the analysis worker.
 */
import { WebWorkerMLCEngineHandler } from '@mlc-ai/web-llm';

const handler = new WebWorkerMLCEngineHandler();
self.onmessage = (msg: MessageEvent) => handler.onmessage(msg);
