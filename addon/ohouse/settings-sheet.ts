import { AccountIdSchema } from '../../shared/ids';
import { message, type Language } from '../../shared/messages';
import { cellText } from '../../shared/sheets/cells';
import { SidebarFailure } from '../../shared/sidebar-contract';
import { DEFAULT_ALIASES, OHOUSE_FIELDS, type AliasTable, type OhouseField } from './fields';

export const SETTINGS_SHEET = '설정';
const DEFAULT_ACCOUNT = 'main';
const DEFAULT_ORDERS_TAB = '오늘의집 주문';
const KEYS = { account: 'ohouse.account', ordersTab: 'ohouse.ordersTab' } as const;

export interface OhouseSettings {
  /** The account part of the order keys (`ohouse:<account>:<orderId>`), picked by the seller. */
  account: string;
  /** The tab the seller pastes the 오로라 export into. */
  ordersTab: string;
  aliases: AliasTable;
}

/** The 설정 sheet as first written: the account, the orders tab, and every field's header names. Column C names each row. */
function defaultRows(language: Language): string[][] {
  const t = (code: string) => message(code, language);
  return [
    [t('ohouse.settings.title'), '', ''],
    [t('ohouse.settings.help'), '', ''],
    [t('ohouse.settings.item'), t('ohouse.settings.value'), 'key'],
    [t('ohouse.settings.account'), DEFAULT_ACCOUNT, KEYS.account],
    [t('ohouse.settings.ordersTab'), DEFAULT_ORDERS_TAB, KEYS.ordersTab],
    [t('ohouse.settings.field'), t('ohouse.settings.aliases'), 'key'],
    ...OHOUSE_FIELDS.map((field) => [t(`ohouse.field.${field.id}`), field.aliases.join(', '), field.id]),
  ];
}

/** Creates the 설정 sheet with the defaults (one write, as plain text). Call it under the document lock. */
export function ensureSettingsSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, language: Language): GoogleAppsScript.Spreadsheet.Sheet {
  const existing = spreadsheet.getSheetByName(SETTINGS_SHEET);
  if (existing) return existing;
  const sheet = spreadsheet.insertSheet(SETTINGS_SHEET);
  const rows = defaultRows(language);
  const range = sheet.getRange(1, 1, rows.length, 3);
  range.setNumberFormat('@');
  range.setValues(rows);
  sheet.getRange(1, 1).setFontWeight('bold');
  return sheet;
}

function isField(key: string): key is OhouseField {
  return OHOUSE_FIELDS.some((field) => field.id === key);
}

/** Reads the 설정 sheet (one read); rows missing from it keep their defaults. An invalid account is refused by name. */
export function readOhouseSettings(sheet: GoogleAppsScript.Spreadsheet.Sheet): OhouseSettings {
  const values = sheet.getDataRange().getValues();
  const aliases: Record<OhouseField, readonly string[]> = { ...DEFAULT_ALIASES };
  let account = DEFAULT_ACCOUNT;
  let ordersTab = DEFAULT_ORDERS_TAB;
  for (const row of values) {
    const key = cellText(row[2]).trim();
    const value = cellText(row[1]).trim();
    if (key === KEYS.account && value) account = value;
    else if (key === KEYS.ordersTab && value) ordersTab = value;
    else if (isField(key)) aliases[key] = value.split(/[,，\n]/).map((alias) => alias.trim()).filter((alias) => alias !== '');
  }
  const parsed = AccountIdSchema.safeParse(account);
  if (!parsed.success) throw new SidebarFailure('error.VALIDATION', { field: `${SETTINGS_SHEET}: ${KEYS.account}`, problem: parsed.error.issues[0]?.message ?? '' });
  return { account: parsed.data, ordersTab, aliases };
}
