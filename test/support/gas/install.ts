import { FakeCacheService } from './cache';
import type { CallLog } from './calls';
import { FakeHtmlService } from './html';
import { FakeLockService } from './lock';
import { FakePropertiesService } from './properties';
import { type AuthModeName, GasRuntime } from './runtime';
import { FakeScriptApp } from './script-app';
import { FakeSpreadsheet, FakeSpreadsheetApp } from './spreadsheet/spreadsheet';
import { FakeUi } from './ui';
import { FakeUrlFetchApp } from './url-fetch';
import { FakeLogger, FakeSession, FakeUtilities } from './utilities';

export interface GasOptions {
  authMode?: AuthModeName;
  /** A bound spreadsheet (the default), or none: a standalone context where document services return null. */
  spreadsheet?: boolean;
  spreadsheetName?: string;
  userEmail?: string;
  timeZone?: string;
  /** HTML project files by name, for HtmlService.createHtmlOutputFromFile. */
  htmlFiles?: Record<string, string>;
  /** Directories searched for `<name>.html` (for example dist/addon). */
  htmlDirectories?: string[];
  /** Editor add-on trigger restrictions; on by default, since Sheetship is an add-on. */
  addOn?: boolean;
  /** The user has authorized the script's scopes (ScriptApp.getAuthorizationInfo). */
  authorized?: boolean;
  /** UrlFetch calls allowed before "Service invoked too many times for one day" (consumer accounts: 20,000). */
  urlFetchDailyLimit?: number;
}

/** The Apps Script globals this environment provides, by their global names. */
export interface GasGlobals {
  SpreadsheetApp: FakeSpreadsheetApp;
  PropertiesService: FakePropertiesService;
  LockService: FakeLockService;
  CacheService: FakeCacheService;
  HtmlService: FakeHtmlService;
  ScriptApp: FakeScriptApp;
  Utilities: FakeUtilities;
  Session: FakeSession;
  Logger: FakeLogger;
  UrlFetchApp: FakeUrlFetchApp;
}

export interface GasEnvironment extends GasGlobals {
  runtime: GasRuntime;
  calls: CallLog;
  /** The bound spreadsheet, or null in a standalone context. */
  spreadsheet: FakeSpreadsheet | null;
  ui: FakeUi;
  /** The globals, for a node:vm context or for installing. */
  globals: GasGlobals;
  /** Whether ScriptApp.getAuthorizationInfo reports the scopes as granted. */
  setAuthorized(authorized: boolean): void;
  /** Runs `work` as another execution (its own lock holdings); its locks stay held until `end()`. */
  otherExecution(id?: string): { run<T>(work: () => T): T; end(): void };
  /** Puts the globals on globalThis, remembering what was there. */
  install(): GasEnvironment;
  /** Removes the globals (restoring what was there before) and stops the UrlFetch worker. */
  uninstall(): Promise<void>;
}

/** Builds a fresh set of fakes that share one runtime (call log, auth mode, user, clock). */
export function createGas(options: GasOptions = {}): GasEnvironment {
  const runtime = new GasRuntime();
  runtime.authMode = options.authMode ?? 'FULL';
  if (options.userEmail) runtime.userEmail = options.userEmail;
  if (options.timeZone) runtime.timeZone = options.timeZone;
  const spreadsheet = options.spreadsheet === false ? null : new FakeSpreadsheet(runtime, options.spreadsheetName ?? 'Sheetship test');
  const documentId = (): string | null => spreadsheet?.id ?? null;
  const ui = new FakeUi(runtime);
  let authorized = options.authorized ?? true;
  const lockService = new FakeLockService(runtime, documentId);
  const globals: GasGlobals = {
    SpreadsheetApp: new FakeSpreadsheetApp(runtime, spreadsheet, ui),
    PropertiesService: new FakePropertiesService(runtime, documentId),
    LockService: lockService,
    CacheService: new FakeCacheService(runtime, documentId),
    HtmlService: new FakeHtmlService(runtime, options.htmlFiles ?? {}, options.htmlDirectories ?? []),
    ScriptApp: new FakeScriptApp(runtime, { addOn: options.addOn ?? true, documentId, authorized: () => authorized }),
    Utilities: new FakeUtilities(runtime),
    Session: new FakeSession(runtime),
    Logger: new FakeLogger(runtime),
    UrlFetchApp: new FakeUrlFetchApp(runtime, options.urlFetchDailyLimit ?? 20_000),
  };
  let installed: { name: string; had: boolean; previous: unknown }[] = [];
  const environment: GasEnvironment = {
    ...globals,
    runtime,
    calls: runtime.calls,
    spreadsheet,
    ui,
    globals,
    setAuthorized(value) {
      authorized = value;
    },
    otherExecution(id = 'other') {
      return {
        run<T>(work: () => T): T {
          const previous = runtime.executionId;
          runtime.executionId = id;
          try {
            return work();
          } finally {
            runtime.executionId = previous;
          }
        },
        end() {
          lockService.releaseAllOf(id);
        },
      };
    },
    install() {
      const target = globalThis as Record<string, unknown>;
      for (const [name, service] of Object.entries(globals)) {
        installed.push({ name, had: name in target, previous: target[name] });
        target[name] = service;
      }
      return environment;
    },
    async uninstall() {
      const target = globalThis as Record<string, unknown>;
      for (const { name, had, previous } of installed.reverse()) {
        if (had) target[name] = previous;
        else delete target[name];
      }
      installed = [];
      await globals.UrlFetchApp.close();
    },
  };
  return environment;
}

/**
 * Installs fresh fakes onto globalThis for a test; call `uninstall()` after it (for example in afterEach).
 * Add-on modules reach the services through these globals, exactly as in Apps Script.
 */
export function installGas(options: GasOptions = {}): GasEnvironment {
  return createGas(options).install();
}
