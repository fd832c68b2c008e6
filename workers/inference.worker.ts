/**
 * The inference worker: owns the ONNX sessions and runs the expert batches the analysis worker sends,
 * so inference runs on its own core while the other decodes.
 */
import * as Comlink from 'comlink';
import { LocalExecutor } from '../src/inference/executor.ts';
import type { InferenceWorkerApi } from '../src/protocol.ts';

const executor = new LocalExecutor();
const api: InferenceWorkerApi = { load: executor.load.bind(executor), run: executor.run.bind(executor), runRaw: executor.runRaw.bind(executor) };
Comlink.expose(api);
