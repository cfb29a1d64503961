import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../shared/messages';
import { COUNTED_STATES, SCAN_MODES, SCAN_REASONS } from '../../shared/sidebar-contract';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** Every message code the pages name: in their markup, as literals in their code, and built from enums. */
function codesUsed(): Set<string> {
  const codes = new Set<string>();
  for (const page of ['addon/sidebar/Sidebar.html', 'addon/dialogs/Settings.html']) {
    for (const match of read(page).matchAll(/data-i18n(?:-[a-z]+)?="([^"]+)"/g)) codes.add(match[1] ?? '');
  }
  for (const file of readdirSync(join(root, 'addon/sidebar')).filter((name) => name.endsWith('.ts'))) {
    for (const match of read(`addon/sidebar/${file}`).matchAll(/\b(?:t|errorInfo)\('([a-z][\w.]+)'/g)) codes.add(match[1] ?? '');
  }
  for (const reason of SCAN_REASONS) if (reason !== 'OK') codes.add(`sidebar.scan.reason.${reason}`);
  for (const mode of SCAN_MODES) {
    codes.add(`sidebar.scan.reason.OK.${mode}`);
    codes.add(`sidebar.scan.mode.${mode}`);
    codes.add(`sidebar.scan.placeholder.${mode}`);
  }
  for (const state of COUNTED_STATES) codes.add(`state.${state}`);
  for (const status of ['ok', 'not_configured', 'error']) codes.add(`sidebar.connection.${status}`);
  for (const severity of ['info', 'warning', 'critical']) codes.add(`sidebar.severity.${severity}`);
  for (const field of ['serverUrl', 'apiKey']) codes.add(`settings.invalid.${field}`);
  for (const error of ['UNEXPECTED', 'INVALID_REPLY', 'CALL_FAILED']) codes.add(`sidebar.error.${error}`);
  return codes;
}

describe('sidebar and dialog texts', () => {
  it('every text the pages show is in the message table, in Korean and English', () => {
    const table: Record<string, { ko: string; en: string } | undefined> = MESSAGES;
    const used = [...codesUsed()];
    expect(used.length).toBeGreaterThan(60);
    const missing = used.filter((code) => !table[code]?.ko || !table[code]?.en);
    expect(missing).toEqual([]);
  });

  it('the pages carry no hard-coded Korean: everything comes from the table', () => {
    for (const page of ['addon/sidebar/Sidebar.html', 'addon/dialogs/Settings.html']) expect(read(page)).not.toMatch(/[가-힣]/);
  });
});
