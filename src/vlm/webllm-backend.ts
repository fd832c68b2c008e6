/**
 * A VLM backend over a WebLLM engine (in its own worker, see `engine-host.ts`). Routing uses WebLLM's
 * JSON mode with the schema, which constrains decoding to the schema's grammar; the answer is still
 * validated by the caller. Images are `image_url` data URLs, as WebLLM's vision models take them.
 */
import type { WebWorkerMLCEngine } from '@mlc-ai/web-llm';
import { messageOf, raceAbort, type JsonSchema, type VlmBackend, type VlmPrompt } from './backend.ts';

/** The content of a user message: the images, then the request. */
function userContent(prompt: VlmPrompt, images: readonly string[]) {
  return [...images.map((url) => ({ type: 'image_url' as const, image_url: { url } })), { type: 'text' as const, text: `${prompt.system}\n\n${prompt.user}` }];
}

/** WebLLM as a VLM backend. */
export class WebLlmBackend implements VlmBackend {
  readonly label: string;

  constructor(
    private readonly engine: WebWorkerMLCEngine,
    modelId: string,
  ) {
    this.label = `the in-browser model ${modelId}`;
  }

  routeJson(prompt: VlmPrompt, images: readonly string[], schema: JsonSchema, signal: AbortSignal): Promise<string> {
    return this.run(signal, { type: 'json_object', schema: JSON.stringify(schema) }, prompt, images);
  }

  describe(prompt: VlmPrompt, images: readonly string[], signal: AbortSignal): Promise<string> {
    return this.run(signal, undefined, prompt, images);
  }

  private async run(signal: AbortSignal, format: { type: 'json_object'; schema: string } | undefined, prompt: VlmPrompt, images: readonly string[]): Promise<string> {
    const onAbort = () => this.engine.interruptGenerate();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      // The system text rides in the user turn: Phi-3.5-vision's template puts images in user turns only.
      const reply = await raceAbort(
        this.engine.chat.completions.create({
          messages: [{ role: 'user', content: userContent(prompt, images) }],
          temperature: 0,
          max_tokens: 600,
          stream: false,
          ...(format ? { response_format: format } : {}),
        }),
        signal,
      );
      const text = reply.choices[0]?.message?.content;
      if (typeof text !== 'string') throw new Error('the model returned no text');
      return text;
    } catch (err) {
      if (signal.aborted) throw err;
      throw new Error(messageOf(err));
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }
}
