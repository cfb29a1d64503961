import { z } from 'zod';
import { AccountIdSchema, ChannelSchema } from '../ids';

/** Channels Sheetship can reach through an API today; the others get an account once their connector exists. */
export const CONNECTED_CHANNELS = ['smartstore'] as const;
export const ConnectedChannelSchema = z.enum(CONNECTED_CHANNELS);
export type ConnectedChannel = z.infer<typeof ConnectedChannelSchema>;

// A pattern rather than z.url(): shared code also runs in Apps Script, which has no URL global.
export const BaseUrlSchema = z
  .string()
  .max(500)
  .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, 'must be an http(s) URL without query or fragment');

/** Naver Commerce API application credentials (channels.md §1.1). */
export const SmartStoreCredentialsSchema = z.strictObject({
  clientId: z.string().trim().min(1).max(200),
  /** A bcrypt salt, like `$2a$04$…`. */
  clientSecret: z.string().trim().min(1).max(200),
  /** Naver's account_id, only for an application acting for another seller (token type SELLER). */
  accountId: z.string().trim().min(1).max(200).optional(),
});
export type SmartStoreCredentials = z.infer<typeof SmartStoreCredentialsSchema>;

/** Per-account sync settings; every field is optional and falls back to the seller's settings or the server's. */
export const ChannelAccountSettingsSchema = z.strictObject({
  /** 발주확인 of allocated orders on this account; absent: the seller's settings.autoConfirm. */
  autoConfirm: z.boolean().optional(),
  /** Push sellable quantities to this account's listings (default true). */
  pushStock: z.boolean().optional(),
  /** Poll interval for this account; absent: the server's (10 s, 1 s in demo mode). */
  pollIntervalSeconds: z.int().min(1).max(3600).optional(),
  /** How far back the first poll reads, from the account's creation (default 24 h). */
  lookbackHours: z.int().min(0).max(720).optional(),
  /** SmartStore: whether option-stock is known to keep options left out of a request (docs/smartstore.md). */
  optionStockOmission: z.enum(['unknown', 'keeps']).optional(),
});
export type ChannelAccountSettings = z.infer<typeof ChannelAccountSettingsSchema>;

/** A PATCH of settings: a null removes that setting, so it falls back again. */
export const ChannelAccountSettingsPatchSchema = z.strictObject({
  autoConfirm: z.boolean().nullable().optional(),
  pushStock: z.boolean().nullable().optional(),
  pollIntervalSeconds: ChannelAccountSettingsSchema.shape.pollIntervalSeconds.unwrap().nullable().optional(),
  lookbackHours: ChannelAccountSettingsSchema.shape.lookbackHours.unwrap().nullable().optional(),
  optionStockOmission: ChannelAccountSettingsSchema.shape.optionStockOmission.unwrap().nullable().optional(),
});

export const CreateChannelAccountBodySchema = z.strictObject({
  channel: ConnectedChannelSchema,
  name: z.string().trim().min(1).max(100),
  /** Absent: the channel's real API. A sandbox URL for tests and demos. */
  baseUrl: BaseUrlSchema.optional(),
  credentials: SmartStoreCredentialsSchema,
  settings: ChannelAccountSettingsSchema.optional(),
});

export const PatchChannelAccountBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  /** null: back to the channel's real API. */
  baseUrl: BaseUrlSchema.nullable().optional(),
  /** Replaces the stored credentials as a whole. */
  credentials: SmartStoreCredentialsSchema.optional(),
  settings: ChannelAccountSettingsPatchSchema.optional(),
});

/** A channel account as the API shows it: credentials are never echoed, only which fields are stored. */
export const ChannelAccountSchema = z.object({
  /** The `account` part of this account's order keys and listings. */
  id: AccountIdSchema,
  channel: ChannelSchema,
  name: z.string(),
  baseUrl: z.string(),
  /** True while baseUrl is the channel's real API. */
  realApi: z.boolean(),
  settings: ChannelAccountSettingsSchema,
  credentialFields: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ChannelAccount = z.infer<typeof ChannelAccountSchema>;

export const ChannelAccountParamsSchema = z.object({ id: AccountIdSchema });
export const ChannelAccountResponseSchema = z.object({ account: ChannelAccountSchema });
export const ListChannelAccountsResponseSchema = z.object({ accounts: z.array(ChannelAccountSchema) });
export const DeleteChannelAccountResponseSchema = z.object({ id: z.string(), deleted: z.literal(true) });

const ErrorSummarySchema = z.object({ kind: z.string(), message: z.string(), at: z.string() });

/** One account's sync health (GET /v1/sync/status). */
export const AccountSyncStatusSchema = z.object({
  id: z.string(),
  channel: ChannelSchema,
  name: z.string(),
  /** The instance polling it now, or null while no instance holds the lease. */
  poller: z.object({ holder: z.string(), token: z.int() }).nullable(),
  pollIntervalSeconds: z.number(),
  lastPollAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  /** Seconds since the last successful poll; null before the first one. */
  lagSeconds: z.number().nullable(),
  lastError: ErrorSummarySchema.nullable(),
  /** Polling stopped on an error the seller must fix (credentials, Naver's IP allow-list) until the account changes. */
  blocked: z.boolean(),
  ordersIngested: z.int(),
  lastPushAt: z.string().nullable(),
  lastDispatchAt: z.string().nullable(),
  pendingOutbox: z.object({
    /** Outbox entries of the seller not yet handled (stock pushes and dispatches of every account). */
    entries: z.int(),
    /** This account's listings waiting for a stock push retry. */
    stockPushes: z.int(),
    /** This account's orders waiting for a tracking dispatch retry. */
    dispatches: z.int(),
    /** This account's orders waiting for 발주확인. */
    confirms: z.int(),
  }),
});
export type AccountSyncStatus = z.infer<typeof AccountSyncStatusSchema>;

export const SyncStatusResponseSchema = z.object({ now: z.string(), accounts: z.array(AccountSyncStatusSchema) });
export type SyncStatusResponse = z.infer<typeof SyncStatusResponseSchema>;
