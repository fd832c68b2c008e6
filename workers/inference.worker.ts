/**
 * The inference worker: owns the ONNX sessions and runs expert batches that the analysis worker
 * sends, so that inference runs on its own core while the other decodes.
 */
import * as Comlink from 'comlink';
import { LocalExecutor } from '../src/engine/executor.ts';

const executor = new LocalExecutor();

const api = {
  load: executor.load.bind(executor),
  run: executor.run.bind(executor),
};

/** The inference worker's API type. */
export type InferenceWorkerApi = typeof api;

Comlink.expose(api);
