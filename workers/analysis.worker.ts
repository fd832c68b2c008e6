/** The analysis worker: a thin shell around the pipeline's service (see src/pipeline/analysis-service.ts). */
import * as Comlink from 'comlink';
import { createAnalysisService } from '../src/pipeline/analysis-service.ts';
import { RemoteExecutor } from '../src/inference/remote-executor.ts';

Comlink.expose(createAnalysisService(() => new RemoteExecutor()));
