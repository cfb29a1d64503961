import { message, type Language } from '../../shared/messages';
import type { ErrorInfo } from '../../shared/sidebar-contract';

type Params = Record<string, string | number | boolean | null | undefined>;

let language: Language = 'ko';

export function currentLanguage(): Language {
  return language;
}

export function t(code: string, params?: Params): string {
  return message(code, language, params);
}

export function errorText(error: ErrorInfo): string {
  return message(error.code, language, error.params);
}

/**
 * Fills every element marked with data-i18n (text), data-i18n-placeholder, data-i18n-label (aria-label)
 * or data-i18n-title, so the page carries no hard-coded text and can switch language in place.
 */
export function setLanguage(next: Language, root: ParentNode = document): void {
  language = next;
  document.documentElement.lang = next;
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) element.textContent = t(element.dataset['i18n'] ?? '');
  for (const element of root.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]')) element.placeholder = t(element.dataset['i18nPlaceholder'] ?? '');
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n-label]')) element.setAttribute('aria-label', t(element.dataset['i18nLabel'] ?? ''));
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n-title]')) element.title = t(element.dataset['i18nTitle'] ?? '');
}
