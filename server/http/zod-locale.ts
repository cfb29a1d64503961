import { z } from 'zod';
import type { Language } from '../../shared/messages';

const LOCALES = { ko: z.locales.ko().localeError, en: z.locales.en().localeError };

/** zod's built-in texts in the caller's language; the shared schemas' own texts stay as written. */
export function localeFor(language: Language): z.core.$ZodErrorMap {
  return LOCALES[language] as z.core.$ZodErrorMap;
}
