import { MODES, SCOPES, type GasRuntime } from './runtime';

/** CacheService limits (reference/appsscript.md §2.6). */
export const CACHE_KEY_LIMIT = 250;
export const CACHE_VALUE_LIMIT_BYTES = 100 * 1024;
export const CACHE_DEFAULT_SECONDS = 600;
export const CACHE_MAX_SECONDS = 21_600;

interface Entry {
  value: string;
  expiresAt: number;
}

export class FakeCache {
  constructor(
    private readonly runtime: GasRuntime,
    private readonly entries: Map<string, Entry>,
  ) {}

  private call(method: string, kind: 'read' | 'write'): void {
    this.runtime.call('Cache', `Cache.${method}`, kind, MODES.document, SCOPES.spreadsheet);
  }

  private check(key: string, value: string, seconds: number): void {
    if (key.length > CACHE_KEY_LIMIT) throw new Error('Argument too large: key');
    if (Buffer.byteLength(value, 'utf8') > CACHE_VALUE_LIMIT_BYTES) throw new Error('Argument too large: value');
    if (!Number.isFinite(seconds) || seconds < 1 || seconds > CACHE_MAX_SECONDS) throw new Error('Invalid argument: expirationInSeconds');
  }

  private live(key: string): string | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.runtime.now()) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  get(key: string): string | null {
    this.call('get', 'read');
    return this.live(key);
  }
  getAll(keys: readonly string[]): Record<string, string> {
    this.call('getAll', 'read');
    const found: Record<string, string> = {};
    for (const key of keys) {
      const value = this.live(key);
      if (value !== null) found[key] = value;
    }
    return found;
  }
  put(key: string, value: string, expirationInSeconds = CACHE_DEFAULT_SECONDS): void {
    this.call('put', 'write');
    this.check(key, value, expirationInSeconds);
    this.entries.set(key, { value, expiresAt: this.runtime.now() + expirationInSeconds * 1000 });
  }
  putAll(values: Readonly<Record<string, string>>, expirationInSeconds = CACHE_DEFAULT_SECONDS): void {
    this.call('putAll', 'write');
    for (const [key, value] of Object.entries(values)) this.check(key, value, expirationInSeconds);
    for (const [key, value] of Object.entries(values)) this.entries.set(key, { value, expiresAt: this.runtime.now() + expirationInSeconds * 1000 });
  }
  remove(key: string): void {
    this.call('remove', 'write');
    this.entries.delete(key);
  }
  removeAll(keys: readonly string[]): void {
    this.call('removeAll', 'write');
    for (const key of keys) this.entries.delete(key);
  }
}

/** CacheService; entries expire on the runtime's clock, which a test can move forward. */
export class FakeCacheService {
  private readonly scriptEntries = new Map<string, Entry>();
  private readonly userEntries = new Map<string, Map<string, Entry>>();
  private readonly documentEntries = new Map<string, Map<string, Entry>>();

  constructor(
    private readonly runtime: GasRuntime,
    private readonly documentId: () => string | null,
  ) {}

  private call(method: string): void {
    this.runtime.call('Cache', `CacheService.${method}`, 'other', MODES.document, SCOPES.spreadsheet);
  }

  private entriesFor(all: Map<string, Map<string, Entry>>, id: string): Map<string, Entry> {
    let entries = all.get(id);
    if (!entries) {
      entries = new Map();
      all.set(id, entries);
    }
    return entries;
  }

  getScriptCache(): FakeCache {
    this.call('getScriptCache');
    return new FakeCache(this.runtime, this.scriptEntries);
  }
  getUserCache(): FakeCache {
    this.call('getUserCache');
    return new FakeCache(this.runtime, this.entriesFor(this.userEntries, this.runtime.userEmail));
  }
  getDocumentCache(): FakeCache | null {
    this.call('getDocumentCache');
    const id = this.documentId();
    return id === null ? null : new FakeCache(this.runtime, this.entriesFor(this.documentEntries, id));
  }
}
