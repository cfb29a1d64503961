import type { CarrierChoice } from '../../shared/sidebar-contract';
import { callServer } from './rpc';
import { t } from './i18n';
import { failureLine, showError, showResult } from './result-view';

/**
 * Browsers allow window.open only during the click itself, not after an awaited call. So the tab opens
 * blank at once and is sent to the signed URL when it arrives; if the pop-up was blocked, a link (which
 * the seller clicks, a fresh gesture) takes its place.
 */
export async function printLabels(carrier: CarrierChoice, refresh: () => Promise<void>): Promise<void> {
  const tab = openBlankTab();
  const reply = await callServer('printLabels', { carrier });
  if (!reply.ok) {
    closeQuietly(tab);
    showError(reply.error);
    return;
  }
  const { url, labels, issued } = reply.value;
  // Orders issued on the way and those whose issuance was refused (left out of the PDF) are reported too.
  const failures = issued.filter((result) => !result.ok).map((result) => failureLine(result.orderKeys.join(', '), result.error));
  if (tab && !tab.closed) {
    tab.location.href = url;
    showResult(failures.length > 0 ? 'warning' : 'ok', t('sidebar.result.labelsOpened', { labels }), { failures });
  } else {
    showResult('warning', t('sidebar.result.popupBlocked'), { link: { href: url, text: t('sidebar.result.openLabels') }, failures });
  }
  if (issued.some((result) => result.ok)) await refresh();
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
