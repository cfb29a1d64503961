import * as z from 'zod/mini';
import type { CarrierId } from './carriers';
import type { OrderState } from './state-machine';

/**
 * Every google.script.run call the sidebar and the settings dialog make: its name, its one argument and its
 * result. Both sides use it: the add-on parses what the browser sends, the browser parses what comes back.
 *
 * Plain JSON only: google.script.run fails on Date objects (even nested), so times travel as ISO strings.
 *
 * This module is bundled into the sidebar page, so it uses zod/mini (about 20 kB) and imports other shared
 * modules for their types only: one value import of a classic-zod schema would add about 450 kB to the page.
 */

type AssertTrue<T extends true> = T;
type SameMembers<A, B> = [Exclude<A, B>, Exclude<B, A>] extends [never, never] ? true : false;

/** Every order state, in the order the sidebar shows their counts. */
export const COUNTED_STATES = ['HELD', 'ALLOCATED', 'WAYBILL_ISSUED', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'RETURNED'] as const;
export type CountedStatesMatchOrderStates = AssertTrue<SameMembers<(typeof COUNTED_STATES)[number], OrderState>>;

const CARRIER_CHOICES = ['cj', 'lotte', 'hanjin', 'epost', 'logen', 'kdexp', 'cu', 'gs'] as const;
export type CarrierChoicesMatchCarrierIds = AssertTrue<SameMembers<(typeof CARRIER_CHOICES)[number], CarrierId>>;

/** Results of a scan. OK and PACKED are successes; the rest are refusals, each with its own message. */
export const SCAN_REASONS = [
  'OK',
  'PACKED',
  'CANCEL_REQUESTED',
  'CANCELLED',
  'HELD',
  'ALREADY_SHIPPED',
  'VOIDED',
  'UNKNOWN_BARCODE',
  'NOT_PACKED',
  'WRONG_ITEM',
  'OVER_SCAN',
  /** The order cannot ship in its state (no waybill yet, or a count no longer covers it). */
  'NOT_READY',
  /** Verify mode: an item scanned before any waybill opened a parcel. */
  'NO_PARCEL_OPEN',
  /** The channel could not be asked about claims right before shipping; scanning again retries. */
  'CLAIM_CHECK_FAILED',
] as const;
export type ScanReason = (typeof SCAN_REASONS)[number];

export const SCAN_MODES = ['ship', 'verify'] as const;
export type ScanMode = (typeof SCAN_MODES)[number];

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const IsoTime = z.iso.datetime({ offset: true });
const Count = z.int().check(z.minimum(0));
const Language = z.enum(['ko', 'en']);
const CarrierChoice = z.enum(CARRIER_CHOICES);
export type CarrierChoice = z.infer<typeof CarrierChoice>;
/**
 * http too, for a server on a test deployment; a versioned deployment's allowlist only takes https.
 * A pattern, not z.url(): Apps Script has no URL global, and z.url() then refuses every address.
 */
const ServerUrl = z.string().check(z.maxLength(2048), z.regex(/^https?:\/\/[A-Za-z0-9.-]+(:[0-9]{1,5})?(\/[^\s]*)?$/, 'must be an http or https URL'));
/** What a key may look like: printable, no spaces. The server decides whether it is valid. */
const ApiKey = z.string().check(z.minLength(8), z.maxLength(200), z.regex(/^[\x21-\x7e]+$/, 'must be printable characters without spaces'));

const ParamValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** A readable error: a message-table code and its placeholders. Never a stack trace. */
export const ErrorInfoSchema = z.object({ code: text(100), params: z.record(z.string(), ParamValue) });
export type ErrorInfo = z.infer<typeof ErrorInfoSchema>;

export const ConnectionSchema = z.object({
  status: z.enum(['ok', 'not_configured', 'error']),
  sellerName: z.optional(z.string()),
  keyLabel: z.optional(z.string()),
  error: z.optional(ErrorInfoSchema),
});

export const SidebarAlertSchema = z.object({
  id: text(300),
  type: text(60),
  severity: z.enum(['info', 'warning', 'critical']),
  /** Already in the seller's language (the add-on fills the alert's placeholders). */
  text: z.string(),
  openedAt: z.optional(IsoTime),
});
export type SidebarAlert = z.infer<typeof SidebarAlertSchema>;

export const SidebarStateSchema = z.object({
  language: Language,
  connection: ConnectionSchema,
  lastSyncAt: z.optional(IsoTime),
  /** The last sync's failure (a refresh or the hourly trigger), until a sync succeeds. */
  lastError: z.optional(ErrorInfoSchema),
  counts: z.record(z.enum(COUNTED_STATES), Count),
  alerts: z.array(SidebarAlertSchema),
  carriers: z.array(z.object({ id: CarrierChoice, name: z.string() })),
  defaultCarrier: z.optional(CarrierChoice),
  /** The packing station recorded on scans, when this user set one. */
  station: z.optional(text(40)),
});
export type SidebarState = z.infer<typeof SidebarStateSchema>;

export const ParcelResultSchema = z.object({
  orderKeys: z.array(z.string()),
  ok: z.boolean(),
  trackingNumber: z.optional(z.string()),
  error: z.optional(ErrorInfoSchema),
});
export type ParcelResult = z.infer<typeof ParcelResultSchema>;

export const OrderResultSchema = z.object({ orderKey: z.string(), ok: z.boolean(), error: z.optional(ErrorInfoSchema) });
export type OrderResult = z.infer<typeof OrderResultSchema>;

export const ScanInputSchema = z.strictObject({ code: text(128), mode: z.enum(SCAN_MODES), station: z.optional(text(40)) });
export type ScanInput = z.infer<typeof ScanInputSchema>;

export const ScanResultSchema = z.object({
  ok: z.boolean(),
  reason: z.enum(SCAN_REASONS),
  /** A detail from the server shown after the reason's text, such as "2/3" while verifying a parcel. */
  text: z.optional(z.string()),
  orderKeys: z.optional(z.array(z.string())),
});
export type ScanResult = z.infer<typeof ScanResultSchema>;

export const ConnectionSettingsViewSchema = z.object({
  serverUrl: z.optional(z.string()),
  /** The stored key is never sent to the browser; this shows only its last characters. */
  keyHint: z.optional(z.string()),
  language: Language,
});
export type ConnectionSettingsView = z.infer<typeof ConnectionSettingsViewSchema>;

const Nothing = z.strictObject({});

export const SIDEBAR_CALLS = {
  getSidebarState: { input: Nothing, output: SidebarStateSchema },
  /** Incremental refresh of the sheets, then the new state. */
  refresh: { input: Nothing, output: z.object({ updatedRows: Count, state: SidebarStateSchema }) },
  /** For the rows checked in 주문. */
  issueWaybills: { input: z.strictObject({ carrier: CarrierChoice }), output: z.object({ results: z.array(ParcelResultSchema) }) },
  /**
   * Labels of the rows checked in 주문: checked orders without a waybill get one first (from `carrier`), so
   * issuing and printing are one click; then a short-lived signed URL the browser opens in a new tab.
   * `issued` holds the result of each parcel issued on the way.
   */
  printLabels: {
    input: z.strictObject({ carrier: CarrierChoice }),
    output: z.object({ url: ServerUrl, expiresAt: IsoTime, labels: Count, issued: z.array(ParcelResultSchema) }),
  },
  /** Ships the rows checked in 주문. */
  bulkShip: { input: Nothing, output: z.object({ results: z.array(OrderResultSchema) }) },
  scan: { input: ScanInputSchema, output: ScanResultSchema },
  ackAlert: { input: z.strictObject({ id: text(300) }), output: z.object({ id: z.string() }) },
  /** Opens the settings dialog (Settings.html). */
  openSettings: { input: Nothing, output: z.object({}) },
  getConnectionSettings: { input: Nothing, output: ConnectionSettingsViewSchema },
  /** An absent apiKey keeps the stored one. */
  saveConnectionSettings: {
    input: z.strictObject({ serverUrl: ServerUrl, apiKey: z.optional(ApiKey), language: Language }),
    output: ConnectionSettingsViewSchema,
  },
  /** GET /v1/me with the values typed in the dialog, falling back to the stored ones for those left out. */
  testConnection: {
    input: z.strictObject({ serverUrl: z.optional(ServerUrl), apiKey: z.optional(ApiKey) }),
    output: z.object({ sellerName: z.string(), keyLabel: z.string() }),
  },
} as const;

export type SidebarCallName = keyof typeof SIDEBAR_CALLS;
export const SIDEBAR_CALL_NAMES = Object.keys(SIDEBAR_CALLS) as SidebarCallName[];
export type CallInput<N extends SidebarCallName> = z.infer<(typeof SIDEBAR_CALLS)[N]['input']>;
export type CallOutput<N extends SidebarCallName> = z.infer<(typeof SIDEBAR_CALLS)[N]['output']>;

/** What every call returns: its result, or a readable error. Thrown errors never cross to the browser. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

const replySchemas = new Map<SidebarCallName, z.ZodMiniType>();

/** The reply schema of one call, for the browser to parse what google.script.run hands it. */
export function replySchema<N extends SidebarCallName>(name: N): z.ZodMiniType<Reply<CallOutput<N>>> {
  let schema = replySchemas.get(name);
  if (!schema) {
    schema = z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), value: SIDEBAR_CALLS[name].output }),
      z.object({ ok: z.literal(false), error: ErrorInfoSchema }),
    ]);
    replySchemas.set(name, schema);
  }
  return schema as z.ZodMiniType<Reply<CallOutput<N>>>;
}

export function errorInfo(code: string, params: ErrorInfo['params'] = {}): ErrorInfo {
  return { code, params };
}

/** Thrown by an add-on handler to answer with a message-table error instead of a result. */
export class SidebarFailure extends Error {
  readonly info: ErrorInfo;
  constructor(code: string, params: ErrorInfo['params'] = {}) {
    super(code);
    this.name = 'SidebarFailure';
    this.info = errorInfo(code, params);
  }
}

/** One zod issue as the field it names and the problem, for `error.VALIDATION`. */
export function describeIssue(issue: z.core.$ZodIssue): { field: string; problem: string } {
  const field = issue.path.length > 0 ? issue.path.join('.') : 'input';
  switch (issue.code) {
    case 'invalid_type':
      return { field, problem: `must be ${issue.expected}` };
    case 'too_small':
      return { field, problem: `must be at least ${String(issue.minimum)}${issue.origin === 'string' ? ' characters' : ''}` };
    case 'too_big':
      return { field, problem: `must be at most ${String(issue.maximum)}${issue.origin === 'string' ? ' characters' : ''}` };
    case 'invalid_format':
      // Our patterns carry their own problem text; the built-in formats are named.
      return { field, problem: issue.format === 'regex' ? issue.message : `must be a valid ${issue.format}` };
    case 'invalid_value':
      return { field, problem: `must be one of ${issue.values.map(String).join(', ')}` };
    case 'unrecognized_keys':
      return { field, problem: `has unknown field ${issue.keys.join(', ')}` };
    default:
      return { field, problem: 'is not valid' };
  }
}

/** The first line of an unexpected error, without a stack, short enough for a 300 px sidebar. */
export function errorSummary(error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : 'unknown error';
  const firstLine = raw.split('\n')[0]?.trim() ?? '';
  return firstLine.length > 160 ? `${firstLine.slice(0, 157)}...` : firstLine || 'unknown error';
}

/**
 * Runs one add-on handler for the browser: parses the argument, runs the handler and checks its result
 * against the contract (a Date or a stray field fails here, not in the browser). Every failure becomes a
 * readable error reply.
 */
export function handleSidebarCall<N extends SidebarCallName>(name: N, raw: unknown, handler: (input: CallInput<N>) => CallOutput<N>): Reply<CallOutput<N>> {
  const call = SIDEBAR_CALLS[name];
  const input = call.input.safeParse(raw === undefined || raw === null ? {} : raw);
  if (!input.success) {
    const issue = input.error.issues[0];
    return { ok: false, error: errorInfo('error.VALIDATION', issue ? describeIssue(issue) : { field: 'input', problem: 'is not valid' }) };
  }
  let value: unknown;
  try {
    value = handler(input.data as CallInput<N>);
  } catch (error) {
    if (error instanceof SidebarFailure) return { ok: false, error: error.info };
    return { ok: false, error: errorInfo('sidebar.error.UNEXPECTED', { detail: errorSummary(error) }) };
  }
  const output = call.output.safeParse(value);
  if (!output.success) {
    const issue = output.error.issues[0];
    return { ok: false, error: errorInfo('sidebar.error.INVALID_REPLY', { call: name, field: issue ? describeIssue(issue).field : '' }) };
  }
  return { ok: true, value: output.data as CallOutput<N> };
}

/** What the dialog shows in place of a stored key. */
export function apiKeyHint(apiKey: string): string {
  return `••••${apiKey.slice(-4)}`;
}
