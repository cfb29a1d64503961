import type { Context } from 'koa';
import type { Language } from '../../shared/messages';

/** Korean unless the client prefers English (Accept-Language); codes stay English either way. */
export function languageOf(ctx: Pick<Context, 'acceptsLanguages' | 'get'>): Language {
  // Most callers (the add-on) send none: skip the negotiation then.
  if (!ctx.get('accept-language')) return 'ko';
  const best = ctx.acceptsLanguages('ko', 'en');
  return best === 'en' ? 'en' : 'ko';
}
