/**
 * The viewer's vision-language-model panel (page side). Nothing is downloaded until the user asks:
 * opening the panel shows the model, its download size and the GPU memory it needs; "Check this
 * device" runs the capability check; only then "Download" asks for a confirmation that repeats the
 * size and the host, and the download shows its progress in bytes and can be cancelled. The weights
 * land in WebLLM's cache, so the next visit loads them from disk. A local OpenAI-compatible endpoint
 * can be used instead. While a model is in use, analyses route with it and the question box asks it.
 */
import { h, replaceChildren } from '../ui/dom.ts';
import type { VlmBackend } from './backend.ts';
import { VlmEngineHost, type VlmLoadProgress } from './engine-host.ts';
import { formatBytes, prebuiltModelRecord, readModelRecord, type VlmModelRecord } from './model-record.ts';
import { OpenAiCompatibleBackend } from './openai-backend.ts';

/** Options of the panel. */
export interface VlmPanelOptions {
  /** URL of a self-hosted mirror's model record (`qrouter.vlm-model/1`); WebLLM's Phi-3.5-vision when absent. */
  recordUrl?: string;
  /** Called whenever the model in use changes. */
  onChange?: (backend: VlmBackend | undefined) => void;
}

/** The panel and the model it currently provides. */
export function createVlmPanel(options: VlmPanelOptions = {}) {
  let backend: VlmBackend | undefined;
  let host: VlmEngineHost | undefined;
  let download: AbortController | undefined;
  const about = h('p', { class: 'vlm-about' }, 'Routing and answers can use a vision-language model that runs in this browser. It is a large, one-time download, made only if you ask for it.');
  const status = h('p', { class: 'vlm-status', id: 'vlm-status', role: 'status', 'aria-live': 'polite' });
  const bar = h('progress', { id: 'vlm-progress', max: 1, value: 0, hidden: true });
  const checkButton = h('button', { type: 'button', id: 'vlm-check', onclick: () => void check() }, 'Check this device');
  const downloadButton = h('button', { type: 'button', id: 'vlm-download', disabled: true, onclick: () => confirmDownload() }, 'Download…');
  const cancelButton = h('button', { type: 'button', id: 'vlm-cancel', hidden: true, onclick: () => download?.abort() }, 'Cancel download');
  const confirmBox = h('div', { class: 'vlm-confirm', hidden: true, role: 'alertdialog' });
  const endpoint = h('input', { type: 'url', id: 'vlm-endpoint', placeholder: 'http://127.0.0.1:8080/v1', 'aria-label': 'Local model endpoint' });
  const useEndpoint = h('button', { type: 'button', id: 'vlm-use-endpoint', onclick: () => useLocal() }, 'Use');
  const stopButton = h('button', { type: 'button', id: 'vlm-stop', hidden: true, onclick: () => void stop() }, 'Stop using the model');
  const el = h(
    'details',
    { class: 'vlm-panel', id: 'vlm-panel' },
    h('summary', {}, 'Vision-language model (optional)'),
    about,
    h('div', { class: 'vlm-actions' }, checkButton, downloadButton, cancelButton, stopButton),
    confirmBox,
    bar,
    status,
    h('p', { class: 'vlm-local' }, h('label', {}, 'Or a model on your own machine (OpenAI-compatible): ', endpoint), ' ', useEndpoint),
  );

  let record: VlmModelRecord | undefined;
  async function getRecord(): Promise<VlmModelRecord> {
    record ??= options.recordUrl ? await readModelRecord(options.recordUrl) : await prebuiltModelRecord();
    return record;
  }
  el.addEventListener('toggle', () => {
    if (!el.open || record) return;
    getRecord().then(
      (r) => (about.textContent = `${r.id}: ${r.sizeExact ? '' : 'about '}${formatBytes(r.sizeBytes)} to download once (then cached), about ${(r.vramMB / 1024).toFixed(1)} GB of GPU memory${r.requiredFeatures.length ? `, needs ${r.requiredFeatures.join(', ')}` : ''}. Made only if you ask for it.`),
      (err: unknown) => (status.textContent = err instanceof Error ? err.message : String(err)),
    );
  });

  function set(next: VlmBackend | undefined, text: string): void {
    backend = next;
    stopButton.hidden = !next;
    status.textContent = text;
    options.onChange?.(next);
  }

  async function check(): Promise<void> {
    checkButton.disabled = true;
    try {
      const r = await getRecord();
      host = new VlmEngineHost(r);
      const cap = await host.check();
      const cached = cap.ok && (await host.isCached());
      downloadButton.disabled = !cap.ok;
      downloadButton.textContent = cached ? 'Load from cache' : `Download ${formatBytes(r.sizeBytes)}…`;
      status.textContent = cap.ok ? `This device can run it (${cap.adapter}). ${cap.notes.join(' ')}` : cap.reason;
    } catch (err) {
      status.textContent = err instanceof Error ? err.message : String(err);
    } finally {
      checkButton.disabled = false;
    }
  }

  function confirmDownload(): void {
    if (!host) return;
    const r = host.record;
    const from = new URL(r.modelUrl, location.href).host;
    replaceChildren(
      confirmBox,
      h('p', {}, `Download ${r.sizeExact ? '' : 'about '}${formatBytes(r.sizeBytes)} of model weights from ${from}? This is the only thing fetched from there; your video is never sent anywhere.`),
      h('button', { type: 'button', id: 'vlm-confirm', onclick: () => ((confirmBox.hidden = true), void load()) }, 'Download'),
      ' ',
      h('button', { type: 'button', onclick: () => (confirmBox.hidden = true) }, 'Not now'),
    );
    confirmBox.hidden = false;
  }

  async function load(): Promise<void> {
    if (!host) return;
    download = new AbortController();
    downloadButton.disabled = true;
    cancelButton.hidden = false;
    bar.hidden = false;
    const onProgress = (p: VlmLoadProgress) => {
      if (p.stage === 'manifest') bar.max = p.totalBytes;
      if (p.stage === 'download') {
        bar.value = p.loadedBytes;
        status.textContent = `${formatBytes(p.loadedBytes)} of ${formatBytes(p.totalBytes)}`;
      }
    };
    try {
      const b = await host.load({ onProgress, signal: download.signal });
      set(b, `Using ${b.label}.`);
    } catch (err) {
      set(undefined, err instanceof Error ? err.message : String(err));
      downloadButton.disabled = false;
    } finally {
      cancelButton.hidden = true;
      bar.hidden = true;
      download = undefined;
    }
  }

  function useLocal(): void {
    try {
      const b = new OpenAiCompatibleBackend({ baseUrl: endpoint.value.trim() });
      set(b, `Using ${b.label}. Requests go to that address only.`);
    } catch (err) {
      status.textContent = err instanceof Error ? err.message : String(err);
    }
  }

  async function stop(): Promise<void> {
    await host?.unload();
    set(undefined, 'The model is no longer used; the fast router routes again.');
  }

  return {
    el,
    /** The model in use, if any. */
    get backend(): VlmBackend | undefined {
      return backend;
    },
  };
}
