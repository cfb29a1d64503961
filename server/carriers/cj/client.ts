import { z } from 'zod';
import { buildBooking, cancellationOf, CjBookingSchema, describeIssue, type CjBooking, type CjBookingInput } from './booking';
import { CjError, isCjError } from './errors';
import { postToCj, type CjTransportOptions } from './http';
import { CJ_ENDPOINTS, CJ_LIMITS, CJ_REQ_DV, CJ_TOKEN_SAFE_SPACING_MS, type CjEndpoint } from './spec';
import { kstYmd } from './time';
import { CjTokenKeeper, type CjTokenStore } from './token';
import {
  DEFAULT_CANCEL_PATTERNS,
  interpretBook,
  interpretCancel,
  interpretInvoice,
  interpretRefine,
  interpretToken,
  type CjBookOutcome,
  type CjCancelOutcome,
  type CjCancelPatterns,
  type CjEnvelope,
  type CjRefineOutcome,
} from './wire';

export interface CjClientOptions {
  /** `CJ_HOSTS.dev`, `CJ_HOSTS.prod`, or a sandbox URL. */
  baseUrl: string;
  /** CUST_ID: the customer code CJ assigned. */
  customerId: string;
  /** The 사업자번호 registered with CJ for billing (may differ from the head office's); hyphens are fine. */
  businessNumber: string;
  fetch?: typeof fetch;
  /** Wall-clock ms: token expiry and RCPT_YMD (KST). */
  clock?: () => number;
  /** Path prefix before the endpoint names; default '' (root). */
  pathPrefix?: string;
  /** Per HTTP call; default 15 s. */
  timeoutMs?: number;
  /** Gap between token requests; default 1.1 s (CJ blocks bursts). */
  tokenMinSpacingMs?: number;
  /** Renew the token this long before expiry; default 30 min. */
  tokenRenewMarginMs?: number;
  /** Share the token between instances; default: this client only. */
  tokenStore?: CjTokenStore;
  /** CJ's cancel refusal texts (unknown [?]); defaults match the sandbox. */
  cancelPatterns?: CjCancelPatterns;
}

const OptionsSchema = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }),
  customerId: z.string().trim().min(1).max(CJ_LIMITS.CUST_ID),
  businessNumber: z
    .string()
    .transform((value) => value.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^\d{10}$/, 'must be a 10-digit business number')),
  pathPrefix: z.string().max(100).default(''),
  timeoutMs: z.int().min(1).max(300_000).default(15_000),
  tokenMinSpacingMs: z.int().min(0).max(600_000).default(CJ_TOKEN_SAFE_SPACING_MS),
  tokenRenewMarginMs: z.int().min(0).max(12 * 60 * 60 * 1000).default(30 * 60 * 1000),
});

export interface CjClient {
  readonly customerId: string;
  /** ReqAddrRfnSm: sort codes for the label, or why CJ cannot deliver there. The address is at most 100 characters. */
  refineAddress(address: string): Promise<CjRefineOutcome>;
  /** ReqInvcNo: one new number per call. Call it right before printing; unused numbers pile up against the account. */
  issueInvoiceNumber(): Promise<string>;
  /** Builds the RegBook record (RCPT_YMD today, KST). Store it before registering: cancelling needs it verbatim. */
  prepareBooking(input: CjBookingInput): CjBooking;
  /** RegBook. A lost answer throws `unknown_outcome`: cancel this booking before booking the parcel again. */
  registerBooking(booking: CjBooking): Promise<CjBookOutcome>;
  /** CnclBook with the stored record. Refused once the driver has scanned the parcel. */
  cancelBooking(booking: CjBooking): Promise<CjCancelOutcome>;
  /** The current one-day token (fetched if needed). */
  token(): Promise<string>;
  /** Token requests sent so far. */
  readonly tokenRequests: number;
}

/** Transport failures of the RegBook call itself (not of the token call before it) after which it may have been applied. */
function outcomeUnknown(error: unknown): error is CjError {
  if (!isCjError(error) || error.details.endpoint !== CJ_ENDPOINTS.book) return false;
  if (error.kind === 'network') return error.details.mayHaveReachedCj !== false;
  return error.kind === 'timeout' || error.kind === 'server' || error.kind === 'bad_response';
}

function storedBooking(booking: CjBooking, requestKind: string): CjBooking {
  const parsed = CjBookingSchema.safeParse(booking);
  if (!parsed.success) {
    const { field, problem } = describeIssue(parsed.error);
    throw new CjError('invalid_input', `CJ booking field ${field} ${problem}`, { field });
  }
  if (parsed.data.REQ_DV_CD !== CJ_REQ_DV.request) {
    throw new CjError('invalid_input', `${requestKind} takes the booking as registered (REQ_DV_CD 01)`, { field: 'REQ_DV_CD' });
  }
  return parsed.data;
}

export function createCjClient(options: CjClientOptions): CjClient {
  const parsedOptions = OptionsSchema.safeParse(options);
  if (!parsedOptions.success) {
    const { field, problem } = describeIssue(parsedOptions.error);
    throw new CjError('invalid_input', `CJ client option ${field} ${problem}`, { field });
  }
  const config = parsedOptions.data;
  const clock = options.clock ?? Date.now;
  const cancelPatterns = options.cancelPatterns ?? DEFAULT_CANCEL_PATTERNS;
  const transport: CjTransportOptions = {
    baseUrl: config.baseUrl,
    pathPrefix: config.pathPrefix,
    fetch: options.fetch ?? fetch,
    timeoutMs: config.timeoutMs,
  };

  const keeper = new CjTokenKeeper({
    now: clock,
    minSpacingMs: config.tokenMinSpacingMs,
    renewMarginMs: config.tokenRenewMarginMs,
    // A token call cannot outlast its timeout, so a claim held this long has ended one way or the other.
    requestHoldMs: config.timeoutMs + 5_000,
    ...(options.tokenStore ? { store: options.tokenStore } : {}),
    request: async () => {
      const envelope = await postToCj(transport, CJ_ENDPOINTS.token, { CUST_ID: config.customerId, BIZ_REG_NUM: config.businessNumber }, null);
      return interpretToken(envelope, clock());
    },
  });

  /** A business call: the token in the header and in the body; one refresh and resend if CJ refuses the token. */
  async function authorized(endpoint: CjEndpoint, data: Record<string, unknown>): Promise<CjEnvelope> {
    const token = await keeper.get();
    try {
      return await postToCj(transport, endpoint, { TOKEN_NUM: token, ...data }, token);
    } catch (error) {
      if (!isCjError(error, 'auth')) throw error;
      const fresh = await keeper.refreshAfterAuthFailure(token);
      if (fresh === null) throw error;
      return await postToCj(transport, endpoint, { TOKEN_NUM: fresh, ...data }, fresh);
    }
  }

  return {
    customerId: config.customerId,

    get tokenRequests() {
      return keeper.requestCount;
    },

    token: () => keeper.get(),

    async refineAddress(address) {
      const normalized = address.replace(/\s+/g, ' ').trim();
      if (normalized.length === 0) throw new CjError('invalid_input', 'address must not be empty', { field: 'address' });
      if (normalized.length > CJ_LIMITS.ADDRESS) {
        throw new CjError('invalid_input', `address is ${normalized.length} characters; CJ takes at most ${CJ_LIMITS.ADDRESS}`, { field: 'address' });
      }
      const envelope = await authorized(CJ_ENDPOINTS.refine, {
        CLNTNUM: config.customerId,
        CLNTMGMCUSTCD: config.customerId,
        ADDRESS: normalized,
      });
      return interpretRefine(envelope);
    },

    async issueInvoiceNumber() {
      return interpretInvoice(await authorized(CJ_ENDPOINTS.invoice, { CLNTNUM: config.customerId }));
    },

    prepareBooking(input) {
      return buildBooking(input, { customerId: config.customerId, receiptDate: kstYmd(clock()) });
    },

    async registerBooking(booking) {
      const record = storedBooking(booking, 'RegBook');
      try {
        return interpretBook(await authorized(CJ_ENDPOINTS.book, record));
      } catch (error) {
        if (!outcomeUnknown(error)) throw error;
        throw new CjError(
          'unknown_outcome',
          `CJ RegBook for CUST_USE_NO ${record.CUST_USE_NO} may or may not have been applied (${error.message}); cancel it before booking again`,
          { ...error.details, custUseNo: record.CUST_USE_NO, cause: error },
        );
      }
    },

    async cancelBooking(booking) {
      const record = storedBooking(booking, 'CnclBook');
      return interpretCancel(await authorized(CJ_ENDPOINTS.cancel, cancellationOf(record)), cancelPatterns);
    },
  };
}
