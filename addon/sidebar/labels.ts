import { callServer } from './rpc';
import { t } from './i18n';
import { showError, showResult } from './result-view';

/**
 * Browsers allow window.open only during the click itself, not after an awaited call. So the tab opens
 * blank at once and is sent to the signed URL when it arrives; if the pop-up was blocked, a link (which
 * the seller clicks, a fresh gesture) takes its place.
 */
export async function printLabels(): Promise<void> {
  const tab = openBlankTab();
  const reply = await callServer('printLabels', {});
  if (!reply.ok) {
    closeQuietly(tab);
    showError(reply.error);
    return;
  }
  const { url, labels } = reply.value;
  if (tab && !tab.closed) {
    tab.location.href = url;
    showResult('ok', t('sidebar.result.labelsOpened', { labels }));
  } else {
    showResult('warning', t('sidebar.result.popupBlocked'), { link: { href: url, text: t('sidebar.result.openLabels') } });
  }
}

function openBlankTab(): Window | null {
  let tab: Window | null;
  try {
    tab = window.open('', '_blank');
  } catch {
    return null;
  }
  if (!tab) return null;
  try {
    // Same-origin while blank, unless the sandbox gives it an opaque origin; the text is only a courtesy.
    tab.document.title = t('sidebar.result.preparing');
    tab.document.body.textContent = t('sidebar.result.preparing');
  } catch {
    // The tab still navigates; it just shows nothing until the PDF arrives.
  }
  return tab;
}

function closeQuietly(tab: Window | null): void {
  try {
    tab?.close();
  } catch {
    // Already gone.
  }
}
