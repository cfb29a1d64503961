import { AUTH_MODES, MODES, SCOPES, type AuthModeName, type GasRuntime } from './runtime';

export const AuthMode = Object.fromEntries(AUTH_MODES.map((mode) => [mode, mode])) as { readonly [K in AuthModeName]: K };
export const AuthorizationStatus = { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' } as const;
export const EventType = { CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN', ON_EDIT: 'ON_EDIT', ON_CHANGE: 'ON_CHANGE', ON_FORM_SUBMIT: 'ON_FORM_SUBMIT' } as const;
export type EventTypeName = keyof typeof EventType;
export const TriggerSource = { CLOCK: 'CLOCK', SPREADSHEETS: 'SPREADSHEETS' } as const;
export type TriggerSourceName = keyof typeof TriggerSource;

let nextTriggerId = 1;

export class FakeTrigger {
  readonly uniqueId = String(nextTriggerId++);

  constructor(
    readonly handlerFunction: string,
    readonly eventType: EventTypeName,
    readonly source: TriggerSourceName,
    readonly sourceId: string | null,
    readonly owner: string,
    /** Clock triggers: the period in milliseconds. */
    readonly everyMs: number | null,
  ) {}

  getUniqueId(): string {
    return this.uniqueId;
  }
  getHandlerFunction(): string {
    return this.handlerFunction;
  }
  getEventType(): EventTypeName {
    return this.eventType;
  }
  getTriggerSource(): TriggerSourceName {
    return this.source;
  }
  getTriggerSourceId(): string | null {
    return this.sourceId;
  }
}

const HOUR_MS = 60 * 60 * 1000;

export interface ScriptAppOptions {
  /**
   * Editor add-on restrictions (reference/appsscript.md §1.5): one trigger of each type per user per
   * document, clock triggers at most hourly. What Apps Script does on a breach is not documented [U]; the
   * fake throws, so code that would break the rule fails in tests.
   */
  addOn: boolean;
  documentId: () => string | null;
  authorized: () => boolean;
}

class ClockTriggerBuilder {
  private everyMs: number | null = null;

  constructor(private readonly parent: FakeScriptApp, private readonly handler: string) {}

  everyMinutes(minutes: number): this {
    if (![1, 5, 10, 15, 30].includes(minutes)) throw new Error('The value passed to everyMinutes must be 1, 5, 10, 15 or 30.');
    this.everyMs = minutes * 60 * 1000;
    return this;
  }
  everyHours(hours: number): this {
    if (!Number.isInteger(hours) || hours < 1) throw new Error('The value passed to everyHours must be a positive whole number.');
    this.everyMs = hours * HOUR_MS;
    return this;
  }
  everyDays(days: number): this {
    this.everyMs = days * 24 * HOUR_MS;
    return this;
  }
  everyWeeks(weeks: number): this {
    this.everyMs = weeks * 7 * 24 * HOUR_MS;
    return this;
  }
  atHour(hour: number): this {
    void hour;
    return this;
  }
  nearMinute(minute: number): this {
    void minute;
    return this;
  }
  inTimezone(timezone: string): this {
    void timezone;
    return this;
  }
  create(): FakeTrigger {
    if (this.everyMs === null) throw new Error('A clock trigger needs a frequency (everyHours, everyMinutes, ...).');
    return this.parent.register(this.handler, 'CLOCK', 'CLOCK', null, this.everyMs);
  }
}

class SpreadsheetTriggerBuilder {
  private eventType: EventTypeName | null = null;

  constructor(
    private readonly parent: FakeScriptApp,
    private readonly handler: string,
    private readonly spreadsheetId: string,
  ) {}

  onOpen(): this {
    this.eventType = 'ON_OPEN';
    return this;
  }
  onEdit(): this {
    this.eventType = 'ON_EDIT';
    return this;
  }
  onChange(): this {
    this.eventType = 'ON_CHANGE';
    return this;
  }
  onFormSubmit(): this {
    this.eventType = 'ON_FORM_SUBMIT';
    return this;
  }
  create(): FakeTrigger {
    if (!this.eventType) throw new Error('A spreadsheet trigger needs an event (onOpen, onEdit, onChange, onFormSubmit).');
    return this.parent.register(this.handler, this.eventType, 'SPREADSHEETS', this.spreadsheetId, null);
  }
}

class TriggerBuilder {
  constructor(
    private readonly parent: FakeScriptApp,
    private readonly handler: string,
  ) {}

  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this.parent, this.handler);
  }
  forSpreadsheet(spreadsheet: string | { getId(): string }): SpreadsheetTriggerBuilder {
    return new SpreadsheetTriggerBuilder(this.parent, this.handler, typeof spreadsheet === 'string' ? spreadsheet : spreadsheet.getId());
  }
}

/** ScriptApp: installable triggers (owned by the user who creates them), auth modes and info. */
export class FakeScriptApp {
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  private triggers: FakeTrigger[] = [];

  constructor(
    private readonly runtime: GasRuntime,
    private readonly options: ScriptAppOptions,
  ) {}

  private call(method: string, kind: 'read' | 'write' | 'other', modes: readonly AuthModeName[] = MODES.full): void {
    this.runtime.call('Script', `ScriptApp.${method}`, kind, modes, SCOPES.scriptApp);
  }

  register(handler: string, eventType: EventTypeName, source: TriggerSourceName, sourceId: string | null, everyMs: number | null): FakeTrigger {
    this.call('newTrigger.create', 'write');
    const documentId = sourceId ?? this.options.documentId();
    if (this.options.addOn) {
      if (everyMs !== null && everyMs < HOUR_MS) throw new Error('Add-ons may not create time-based triggers that run more than once per hour.');
      const clash = this.triggers.some(
        (trigger) => trigger.owner === this.runtime.userEmail && trigger.eventType === eventType && (trigger.sourceId ?? documentId) === documentId,
      );
      if (clash) throw new Error(`This add-on already has a ${eventType} trigger for this user in this document; add-ons may have one trigger of each type.`);
    }
    const trigger = new FakeTrigger(handler, eventType, source, source === 'CLOCK' ? documentId : sourceId, this.runtime.userEmail, everyMs);
    this.triggers.push(trigger);
    return trigger;
  }

  newTrigger(functionName: string): TriggerBuilder {
    this.call('newTrigger', 'other');
    return new TriggerBuilder(this, functionName);
  }
  /** The current user's triggers for this document (clock triggers made from it included). */
  getUserTriggers(spreadsheet: { getId(): string }): FakeTrigger[] {
    this.call('getUserTriggers', 'read');
    const id = spreadsheet.getId();
    return this.triggers.filter((trigger) => trigger.owner === this.runtime.userEmail && trigger.sourceId === id);
  }
  getProjectTriggers(): FakeTrigger[] {
    this.call('getProjectTriggers', 'read');
    return this.triggers.filter((trigger) => trigger.owner === this.runtime.userEmail);
  }
  deleteTrigger(trigger: FakeTrigger): void {
    this.call('deleteTrigger', 'write');
    this.triggers = this.triggers.filter((candidate) => candidate.uniqueId !== trigger.getUniqueId());
  }
  getAuthorizationInfo(authMode: AuthModeName): { getAuthorizationStatus(): keyof typeof AuthorizationStatus; getAuthorizationUrl(): string | null } {
    this.call('getAuthorizationInfo', 'other', MODES.any);
    void authMode;
    const authorized = this.options.authorized();
    return {
      getAuthorizationStatus: () => (authorized ? 'NOT_REQUIRED' : 'REQUIRED'),
      getAuthorizationUrl: () => (authorized ? null : 'https://script.google.com/macros/auth?fake=1'),
    };
  }
  getScriptId(): string {
    this.call('getScriptId', 'other', MODES.any);
    return 'fake-script-id';
  }
  getOAuthToken(): string {
    this.call('getOAuthToken', 'other');
    return 'fake-oauth-token';
  }

  /** Test inspection: every trigger of every user. */
  allTriggers(): readonly FakeTrigger[] {
    return this.triggers;
  }
}
