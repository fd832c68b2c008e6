/**
 * A vision-language model served by the user's own OpenAI-compatible server (llama.cpp's server,
 * vLLM, Ollama, LM Studio …), e.g. `http://127.0.0.1:8080/v1`. Requests go to `<baseUrl>/chat/completions`
 * and nowhere else: redirects are refused, no cookies are sent. Images travel as `image_url` data URLs;
 * routing asks for `response_format: json_schema`, and the answer is validated by the caller anyway.
 */
import { messageOf, type JsonSchema, type VlmBackend, type VlmPrompt } from './backend.ts';

/** Options of the OpenAI-compatible backend. */
export interface OpenAiBackendOptions {
  /** The API base the user gave, ending in `/v1` for most servers. */
  baseUrl: string;
  /** Model name sent with each request (servers that host one model ignore it). Default `local`. */
  model?: string;
  /** Sent as a bearer token when the user's server wants one. */
  apiKey?: string;
  /** Longest answer, in tokens (default 600). */
  maxTokens?: number;
  /** How long a routing answer may take, in ms (default: the router's 15 s). */
  timeoutMs?: number;
}

/** Checks a user-given endpoint URL and returns it without a trailing slash. */
export function normalizeEndpoint(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(`The model endpoint "${baseUrl}" is not a URL; give one like http://127.0.0.1:8080/v1.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`The model endpoint must be http or https (got ${url.protocol}).`);
  if (url.username || url.password) throw new TypeError('Put no user name or password in the model endpoint URL; use the API key option.');
  url.search = '';
  url.hash = '';
  return url.href.replace(/\/+$/, '');
}

interface ChatContentPart {
  type: 'text' | 'image_url';
  text?: string;
  image_url?: { url: string };
}

/** Chat messages for a prompt with images: the system text, then the images and the request. */
export function chatMessages(prompt: VlmPrompt, images: readonly string[]): { role: 'system' | 'user'; content: string | ChatContentPart[] }[] {
  const content: ChatContentPart[] = [...images.map((url) => ({ type: 'image_url' as const, image_url: { url } })), { type: 'text', text: prompt.user }];
  return [
    { role: 'system', content: prompt.system },
    { role: 'user', content },
  ];
}

/** A VLM behind an OpenAI-compatible chat-completions endpoint. */
export class OpenAiCompatibleBackend implements VlmBackend {
  readonly label: string;
  readonly endpoint: string;
  readonly routeTimeoutMs: number | undefined;
  private readonly model: string;
  private readonly maxTokens: number;

  constructor(private readonly options: OpenAiBackendOptions) {
    this.endpoint = normalizeEndpoint(options.baseUrl);
    this.model = options.model ?? 'local';
    this.maxTokens = options.maxTokens ?? 600;
    this.label = `the model at ${this.endpoint}`;
    this.routeTimeoutMs = options.timeoutMs;
  }

  routeJson(prompt: VlmPrompt, images: readonly string[], schema: JsonSchema, signal: AbortSignal): Promise<string> {
    return this.complete(
      {
        messages: chatMessages(prompt, images),
        temperature: 0,
        max_tokens: this.maxTokens,
        response_format: { type: 'json_schema', json_schema: { name: 'route_plan', strict: true, schema } },
      },
      signal,
    );
  }

  describe(prompt: VlmPrompt, images: readonly string[], signal: AbortSignal): Promise<string> {
    return this.complete({ messages: chatMessages(prompt, images), temperature: 0.2, max_tokens: this.maxTokens }, signal);
  }

  private async complete(body: Record<string, unknown>, signal: AbortSignal): Promise<string> {
    const url = `${this.endpoint}/chat/completions`;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ model: this.model, stream: false, ...body }),
        signal,
        redirect: 'error',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
      });
    } catch (err) {
      if (signal.aborted) throw err;
      throw new Error(`could not reach ${url} (${messageOf(err)})`);
    }
    if (!res.ok) {
      const text = await res.text().catch(() => '');
      throw new Error(`${url} answered HTTP ${res.status}${text ? `: ${text.slice(0, 160)}` : ''}`);
    }
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      throw new Error(`${url} did not answer with JSON`);
    }
    const content = (json as { choices?: { message?: { content?: unknown } }[] }).choices?.[0]?.message?.content;
    if (typeof content !== 'string') throw new Error(`${url} answered without choices[0].message.content`);
    return content;
  }
}
