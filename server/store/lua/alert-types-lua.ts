import { ALERT_TYPES } from '../../../shared/alerts';

/** The alert types of shared/alerts.ts as a Lua list, generated whenever the scripts are assembled. */
export function alertTypesLua(): string {
  return [
    '-- Generated from shared/alerts.ts by server/store/lua/alert-types-lua.ts. Do not edit.',
    `local ALERT_TYPES = { ${ALERT_TYPES.map((type) => `'${type}'`).join(', ')} }`,
    '',
  ].join('\n');
}
