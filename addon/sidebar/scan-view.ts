import type { ScanMode } from '../../shared/sidebar-contract';
import { byId, element } from './dom';
import { errorText, t } from './i18n';
import { callServer } from './rpc';
import { ScanQueue, type ScanEntry } from './scan-queue';
import { playTone, unlockAudio } from './sounds';

export interface ScanView {
  enter(): void;
  relabel(): void;
}

function entryText(entry: ScanEntry): string {
  if (entry.status === 'waiting' || entry.status === 'sending') return t('sidebar.scan.pending');
  if (entry.error) return errorText(entry.error);
  if (!entry.result) return '';
  const { reason, text } = entry.result;
  const base = reason === 'OK' ? t(`sidebar.scan.reason.OK.${entry.mode}`) : t(`sidebar.scan.reason.${reason}`);
  return text ? `${base} · ${text}` : base;
}

/**
 * The scan station: a wedge scanner types the code and Enter into an input that keeps the focus. Each
 * scan clicks at once, joins the list and the queue, and turns green or red with its own sound when the
 * server answers.
 */
export function createScanView(options: { onExit: () => void; onShipped: () => void; station: () => string | undefined }): ScanView {
  const panel = byId('scan-panel');
  const input = byId<HTMLInputElement>('scan-input');
  const list = byId<HTMLOListElement>('scan-list');
  const last = byId('scan-last');
  const rows = new Map<number, HTMLLIElement>();
  const entries: ScanEntry[] = [];
  let mode: ScanMode = 'ship';
  let active = false;
  let shippedSinceIdle = false;

  const queue = new ScanQueue({
    send: (scan) => callServer('scan', scan),
    onChange: (entry) => {
      render(entry);
      if (entry.status === 'ok' || entry.status === 'refused' || entry.status === 'error') announce(entry);
    },
    onIdle: () => {
      if (!shippedSinceIdle) return;
      shippedSinceIdle = false;
      options.onShipped();
    },
    station: options.station,
  });

  function render(entry: ScanEntry): void {
    let row = rows.get(entry.seq);
    if (!row) {
      row = element('li', { attributes: { 'data-seq': String(entry.seq) } });
      rows.set(entry.seq, row);
      entries.push(entry);
      list.prepend(row);
      byId('scan-empty').hidden = true;
    }
    row.className = `scan-entry scan-${entry.status}`;
    row.dataset['status'] = entry.status;
    row.dataset['reason'] = entry.result?.reason ?? entry.error?.code ?? '';
    row.replaceChildren(
      element('span', { className: 'scan-seq', text: String(entry.seq) }),
      element('span', { className: 'scan-code', text: entry.code }),
      element('span', { className: 'scan-mode', text: t(`sidebar.scan.mode.${entry.mode}`) }),
      element('span', { className: 'scan-text', text: entryText(entry) }),
    );
    byId('scan-tally').textContent = t('sidebar.scan.tally', queue.tally());
  }

  function announce(entry: ScanEntry): void {
    if (entry.status === 'ok' && entry.mode === 'ship') shippedSinceIdle = true;
    playTone(entry.status === 'ok' ? 'ok' : entry.status === 'refused' ? 'refused' : 'error');
    last.hidden = false;
    last.className = `scan-last scan-${entry.status}`;
    last.dataset['status'] = entry.status;
    last.replaceChildren(element('span', { className: 'scan-last-text', text: entryText(entry) }), element('span', { className: 'scan-last-code', text: entry.code }));
  }

  function take(): void {
    const code = input.value.trim();
    input.value = '';
    if (!code) return;
    unlockAudio();
    playTone('ack');
    queue.add(code, mode);
  }

  function keepFocus(): void {
    if (active && document.hasFocus() && document.activeElement !== input) input.focus();
  }

  function setMode(next: ScanMode): void {
    mode = next;
    input.placeholder = t(`sidebar.scan.placeholder.${mode}`);
    panel.dataset['mode'] = mode;
    keepFocus();
  }

  input.addEventListener('keydown', (event) => {
    // Scanners end a code with Enter, some with Tab; neither may move the focus away.
    if (event.key === 'Enter' || (event.key === 'Tab' && input.value.trim() !== '')) {
      event.preventDefault();
      take();
    }
  });
  // The focus comes back after anything but another control: a click on the page, a returning window.
  input.addEventListener('blur', () => setTimeout(() => {
    const focused = document.activeElement;
    if (!focused || focused === document.body) keepFocus();
  }, 0));
  window.addEventListener('focus', keepFocus);
  // After the click has done its work (a radio took the focus, or the panel was left), not during it.
  panel.addEventListener('click', (event) => {
    if (event.target !== input) setTimeout(keepFocus, 0);
  });
  for (const radio of panel.querySelectorAll<HTMLInputElement>('input[name="scan-mode"]')) {
    radio.addEventListener('change', () => setMode(radio.value === 'verify' ? 'verify' : 'ship'));
  }
  byId('scan-exit').addEventListener('click', () => {
    active = false;
    panel.hidden = true;
    options.onExit();
  });

  return {
    enter() {
      active = true;
      panel.hidden = false;
      unlockAudio();
      setMode(mode);
      byId('scan-tally').textContent = t('sidebar.scan.tally', queue.tally());
      input.focus();
    },
    relabel() {
      setMode(mode);
      for (const entry of entries) render(entry);
      byId('scan-tally').textContent = t('sidebar.scan.tally', queue.tally());
    },
  };
}
