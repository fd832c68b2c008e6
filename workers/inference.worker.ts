/**
 * The inference worker: owns the ONNX sessions and runs the expert batches the analysis worker sends,
 * so inference runs on its own core while the other decodes. Sessions a run may still need are made
 * while it is otherwise idle (`session-prep.ts`).
 */
import * as Comlink from 'comlink';
import { LocalExecutor } from '../src/inference/executor.ts';
import { SessionPrep } from '../src/inference/session-prep.ts';
import type { InferenceWorkerApi } from '../src/protocol.ts';

const executor = new LocalExecutor();
const prep = new SessionPrep();
const api: InferenceWorkerApi = {
  load: (metas, modelBaseUrl, ep) => prep.track(executor.load(metas, modelBaseUrl, ep)),
  run: (jobs, first) => prep.track(executor.run(jobs, first)),
  runRaw: (batch, first) => prep.track(executor.runRaw(batch, first)),
  prepare: (metas, modelBaseUrl, ep) => prep.prepare(metas, modelBaseUrl, ep),
};
Comlink.expose(api);
