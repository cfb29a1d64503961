import { CallLog, type CallKind } from './calls';

/** ScriptApp.AuthMode: what an execution may touch (editor add-on auth lifecycle). */
export const AUTH_MODES = ['NONE', 'LIMITED', 'CUSTOM_FUNCTION', 'FULL'] as const;
export type AuthModeName = (typeof AUTH_MODES)[number];

export const SCOPES = {
  spreadsheet: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  externalRequest: 'https://www.googleapis.com/auth/script.external_request',
  scriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  containerUi: 'https://www.googleapis.com/auth/script.container.ui',
} as const;

/**
 * State shared by every fake service of one simulated script: the call log, the execution's auth mode, the
 * user, and the script's time zone. Each test installs its own, so nothing leaks between tests.
 */
export class GasRuntime {
  readonly calls = new CallLog();
  authMode: AuthModeName = 'FULL';
  userEmail = 'seller@example.com';
  timeZone = 'Asia/Seoul';
  locale = 'ko';
  /** Locks are held per execution; tests switch this to simulate another execution. */
  executionId = 'main';
  private clockOffsetMs = 0;

  /** The script's clock: real time, moved forward by advanceClock (cache expiry, trigger times). */
  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  advanceClock(ms: number): void {
    this.clockOffsetMs += ms;
  }

  /** Records the call, then refuses it like Apps Script when the auth mode does not allow it. */
  call(service: string, method: string, kind: CallKind, allowed: readonly AuthModeName[], scope: string, where?: { sheet?: string; range?: string }): void {
    this.calls.record(service, method, kind, where);
    if (!allowed.includes(this.authMode)) {
      const name = method.includes('.') ? method : `${service}.${method}`;
      throw new Error(`You do not have permission to call ${name}. Required permissions: ${scope}`);
    }
  }
}

/** Modes in which each kind of service answers (see the auth-mode table in reference/appsscript.md §1.3). */
export const MODES = {
  /** Menus can be built in every mode; it is all NONE allows. */
  any: ['NONE', 'LIMITED', 'CUSTOM_FUNCTION', 'FULL'],
  /** The current spreadsheet, properties, cache and locks. */
  document: ['LIMITED', 'CUSTOM_FUNCTION', 'FULL'],
  /** UrlFetch, triggers, sidebars and dialogs. */
  full: ['FULL'],
} as const satisfies Record<string, readonly AuthModeName[]>;
