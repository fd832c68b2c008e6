/**
 * The drop zone: drag a video onto it, or click to pick one with the file input `#file-input`; two
 * videos at once are compared side by side.
 */
import { h } from './dom.ts';

/** A drop zone and its controls. */
export interface DropZone {
  readonly el: HTMLElement;
  /** Greys the zone out while a run is in progress. */
  setDisabled(disabled: boolean): void;
}

/** Builds the drop zone; `onFiles` receives the chosen or dropped files (one, or two to compare). */
export function createDropZone(onFiles: (files: File[]) => void): DropZone {
  const input = h('input', {
    id: 'file-input',
    type: 'file',
    accept: 'video/*,.mp4,.m4v,.mov,.webm,.mkv,.avi',
    'aria-label': 'Choose a video file to analyse, or two to compare',
    multiple: true,
  });
  const el = h(
    'label',
    { class: 'drop', for: 'file-input', role: 'button', tabindex: 0, 'aria-describedby': 'drop-sub' },
    input,
    h('strong', {}, 'Drop a video here, or click to choose one'),
    h('span', { class: 'sub', id: 'drop-sub' }, 'MP4, WebM or MOV · H.264, VP9 or AV1 · two files to compare encodes · analysed on this device'),
  );
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length) onFiles(files);
  });
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      input.click();
    }
  });
  el.addEventListener('dragover', (e) => {
    e.preventDefault();
    el.classList.add('over');
  });
  el.addEventListener('dragleave', () => el.classList.remove('over'));
  el.addEventListener('drop', (e) => {
    e.preventDefault();
    el.classList.remove('over');
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length) onFiles(files);
  });
  return {
    el,
    setDisabled(disabled) {
      el.classList.toggle('disabled', disabled);
      input.disabled = disabled;
      el.setAttribute('aria-disabled', String(disabled));
    },
  };
}
