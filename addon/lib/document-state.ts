import { z } from 'zod';
import type { Language } from '../../shared/messages';

/**
 * What the add-on keeps per spreadsheet, in document properties (shared by everyone using the add-on in
 * this document; small: a few hundred bytes, far from the 9 KB per value and 500 KB per store limits).
 * Read with one getProperties and written with one setProperties per refresh.
 */
export const DOCUMENT_KEYS = {
  /** The `updatedSince` cursor of the next incremental refresh. */
  cursor: 'sheetship.cursor',
  lastSyncAt: 'sheetship.lastSyncAt',
  lastError: 'sheetship.lastError',
  lastErrorAt: 'sheetship.lastErrorAt',
  language: 'sheetship.language',
  /** Per layout: the version, language and columns it was set up with. */
  layouts: 'sheetship.layouts',
  /** Hashes of derived sheets (alerts, unmapped rows) as last written. */
  renderMemory: 'sheetship.renderMemory',
} as const;

const LayoutStampSchema = z.object({ version: z.number(), language: z.enum(['ko', 'en']), columns: z.array(z.string()) });
export type LayoutStamp = z.infer<typeof LayoutStampSchema>;
const LayoutStampsSchema = z.record(z.string(), LayoutStampSchema);
const RenderMemorySchema = z.object({ alertsHash: z.string().optional(), unmappedHash: z.string().optional() });

export interface DocumentState {
  cursor: string | null;
  lastSyncAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  language: Language;
  layouts: Record<string, LayoutStamp>;
  renderMemory: z.infer<typeof RenderMemorySchema>;
}

function documentProperties(): GoogleAppsScript.Properties.Properties {
  const properties = PropertiesService.getDocumentProperties();
  if (!properties) throw new Error('no document properties: this code must run inside a spreadsheet');
  return properties;
}

/** A stored JSON value that no longer parses is treated as absent: the next refresh rebuilds it. */
function parseJson<T>(text: string | undefined, schema: z.ZodType<T>, fallback: T): T {
  if (!text) return fallback;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

export function readDocumentState(): DocumentState {
  const stored = documentProperties().getProperties();
  const language = stored[DOCUMENT_KEYS.language];
  return {
    cursor: stored[DOCUMENT_KEYS.cursor] || null,
    lastSyncAt: stored[DOCUMENT_KEYS.lastSyncAt] || null,
    lastError: stored[DOCUMENT_KEYS.lastError] || null,
    lastErrorAt: stored[DOCUMENT_KEYS.lastErrorAt] || null,
    language: language === 'en' ? 'en' : 'ko',
    layouts: parseJson(stored[DOCUMENT_KEYS.layouts], LayoutStampsSchema, {}),
    renderMemory: parseJson(stored[DOCUMENT_KEYS.renderMemory], RenderMemorySchema, {}),
  };
}

/** Writes the given fields in one call; null clears a field. */
export function writeDocumentState(patch: Partial<DocumentState>): void {
  const values: Record<string, string> = {};
  const set = (key: string, value: string | null | undefined): void => {
    if (value !== undefined) values[key] = value ?? '';
  };
  set(DOCUMENT_KEYS.cursor, patch.cursor);
  set(DOCUMENT_KEYS.lastSyncAt, patch.lastSyncAt);
  set(DOCUMENT_KEYS.lastError, patch.lastError);
  set(DOCUMENT_KEYS.lastErrorAt, patch.lastErrorAt);
  set(DOCUMENT_KEYS.language, patch.language);
  if (patch.layouts) values[DOCUMENT_KEYS.layouts] = JSON.stringify(patch.layouts);
  if (patch.renderMemory) values[DOCUMENT_KEYS.renderMemory] = JSON.stringify(patch.renderMemory);
  if (Object.keys(values).length > 0) documentProperties().setProperties(values);
}

/** The sheets' language. Changing it makes the next refresh set the sheets up again and rewrite them. */
export function setSheetLanguage(language: Language): void {
  writeDocumentState({ language });
}
