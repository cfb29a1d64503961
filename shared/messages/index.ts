import { coreMessages } from './core';
import { sheetsMessages } from './sheets';
import { labelMessages } from './labels';
import { sidebarMessages } from './sidebar';
import { httpMessages } from './http';
import { shippingMessages } from './shipping';
import { syncMessages } from './sync';
import { addonMessages } from './addon';
import type { Language, MessageTable } from './types';

export type { Language, MessageTable, MessageText } from './types';

/** The one message table. Parts live in their own files so each feature adds its texts beside the others. */
export const MESSAGES = {
  ...coreMessages,
  ...sheetsMessages,
  ...labelMessages,
  ...sidebarMessages,
  ...httpMessages,
  ...shippingMessages,
  ...syncMessages,
  ...addonMessages,
} satisfies MessageTable;

export type MessageCode = keyof typeof MESSAGES;

/** Fills `{name}` placeholders; an unknown code falls back to the code itself, so nothing shows blank. */
export function message(code: string, language: Language, params: Record<string, string | number | boolean | null | undefined> = {}): string {
  const entry = (MESSAGES as MessageTable)[code];
  const template = entry ? entry[language] : code;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? '' : String(value);
  });
}
