import type { Context } from 'koa';
import type { Language } from '../../shared/messages';

/** Korean unless the client prefers English (Accept-Language); codes stay English either way. */
export function languageOf(ctx: Pick<Context, 'acceptsLanguages'>): Language {
  const best = ctx.acceptsLanguages('ko', 'en');
  return best === 'en' ? 'en' : 'ko';
}
