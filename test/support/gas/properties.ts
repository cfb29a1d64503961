import { MODES, SCOPES, type GasRuntime } from './runtime';

/** Apps Script quotas: 9 KB per value, 500 KB per store (reference/appsscript.md §2.2). */
export const PROPERTY_VALUE_LIMIT_BYTES = 9 * 1024;
export const PROPERTY_STORE_LIMIT_BYTES = 500 * 1024;

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** One store (script, user or document): string values, with the size limits enforced on every write. */
export class FakeProperties {
  constructor(
    private readonly runtime: GasRuntime,
    private readonly store: Map<string, string>,
    private readonly label: string,
  ) {}

  private call(method: string, kind: 'read' | 'write'): void {
    this.runtime.call('Properties', `${this.label}.${method}`, kind, MODES.document, SCOPES.spreadsheet);
  }

  /** Checks the store as it would be after the writes, so a refused write changes nothing. */
  private assertFits(next: Map<string, string>): void {
    let total = 0;
    for (const [key, value] of next) {
      if (bytes(value) > PROPERTY_VALUE_LIMIT_BYTES) throw new Error('Argument too large: value');
      total += bytes(key) + bytes(value);
    }
    if (total > PROPERTY_STORE_LIMIT_BYTES) throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
  }

  getProperty(key: string): string | null {
    this.call('getProperty', 'read');
    return this.store.get(key) ?? null;
  }
  getProperties(): Record<string, string> {
    this.call('getProperties', 'read');
    return Object.fromEntries(this.store);
  }
  getKeys(): string[] {
    this.call('getKeys', 'read');
    return [...this.store.keys()];
  }
  setProperty(key: string, value: string): this {
    this.call('setProperty', 'write');
    const next = new Map(this.store);
    next.set(key, String(value));
    this.assertFits(next);
    this.store.set(key, String(value));
    return this;
  }
  setProperties(properties: Readonly<Record<string, string>>, deleteAllOthers = false): this {
    this.call('setProperties', 'write');
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.store);
    for (const [key, value] of Object.entries(properties)) next.set(key, String(value));
    this.assertFits(next);
    this.store.clear();
    for (const [key, value] of next) this.store.set(key, value);
    return this;
  }
  deleteProperty(key: string): this {
    this.call('deleteProperty', 'write');
    this.store.delete(key);
    return this;
  }
  deleteAllProperties(): this {
    this.call('deleteAllProperties', 'write');
    this.store.clear();
    return this;
  }
}

/**
 * PropertiesService. Script properties are shared by every user of the script, user properties follow
 * the user across documents, document properties belong to the document (null outside one).
 */
export class FakePropertiesService {
  private readonly scriptStore = new Map<string, string>();
  private readonly userStores = new Map<string, Map<string, string>>();
  private readonly documentStores = new Map<string, Map<string, string>>();

  constructor(
    private readonly runtime: GasRuntime,
    private readonly documentId: () => string | null,
  ) {}

  private call(method: string): void {
    this.runtime.call('Properties', `PropertiesService.${method}`, 'other', MODES.document, SCOPES.spreadsheet);
  }

  private storeFor(stores: Map<string, Map<string, string>>, id: string): Map<string, string> {
    let store = stores.get(id);
    if (!store) {
      store = new Map();
      stores.set(id, store);
    }
    return store;
  }

  getScriptProperties(): FakeProperties {
    this.call('getScriptProperties');
    return new FakeProperties(this.runtime, this.scriptStore, 'ScriptProperties');
  }
  getUserProperties(): FakeProperties {
    this.call('getUserProperties');
    return new FakeProperties(this.runtime, this.storeFor(this.userStores, this.runtime.userEmail), 'UserProperties');
  }
  getDocumentProperties(): FakeProperties | null {
    this.call('getDocumentProperties');
    const id = this.documentId();
    return id === null ? null : new FakeProperties(this.runtime, this.storeFor(this.documentStores, id), 'DocumentProperties');
  }
}
