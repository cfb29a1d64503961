import type { ErrorInfo } from '../../shared/sidebar-contract';
import { byId, element } from './dom';
import { errorText, t } from './i18n';

export type ResultKind = 'ok' | 'warning' | 'error' | 'info';

/** Most failures listed under a summary; the rest are in the sheet. */
const MAX_LISTED = 5;

/** The one place an action reports back: a line of text, optional failures and an optional link. */
export function showResult(kind: ResultKind, text: string, options: { failures?: string[]; link?: { href: string; text: string } } = {}): void {
  const box = byId('result');
  box.dataset['kind'] = kind;
  box.hidden = false;
  const children: Node[] = [element('p', { className: 'result-text', text })];
  const failures = options.failures ?? [];
  if (failures.length > 0) {
    const shown = failures.slice(0, MAX_LISTED).map((line) => element('li', { text: line }));
    if (failures.length > MAX_LISTED) shown.push(element('li', { text: `… +${failures.length - MAX_LISTED}` }));
    children.push(element('ul', { className: 'result-failures' }, shown));
  }
  if (options.link) {
    children.push(element('a', { className: 'result-link', text: options.link.text, attributes: { href: options.link.href, target: '_blank', rel: 'noopener' } }));
  }
  box.replaceChildren(...children);
}

export function showError(error: ErrorInfo): void {
  showResult('error', errorText(error));
}

/** One failed item as "subject: reason". */
export function failureLine(subject: string, error: ErrorInfo | undefined): string {
  return t('sidebar.result.failure', { subject, text: error ? errorText(error) : '' });
}
