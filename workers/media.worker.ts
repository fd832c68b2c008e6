/** The media worker: a thin shell around full-reference measures and single decoded frames (see src/compare/media-service.ts). */
import * as Comlink from 'comlink';
import { createMediaService } from '../src/compare/media-service.ts';

Comlink.expose(createMediaService());
