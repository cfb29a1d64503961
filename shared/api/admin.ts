import { z } from 'zod';
import { SellerIdSchema } from '../ids';

const noControl = /^[^\u0000-\u001f\u007f]+$/;

export const SellerNameSchema = z.string().trim().min(1).max(100).regex(noControl, 'must have no control characters');
/** A key's label is recorded as the actor of everything done with it ("packer-1"). */
export const KeyLabelSchema = z.string().trim().min(1).max(64).regex(noControl, 'must have no control characters');
export const KeyIdSchema = z.string().regex(/^[a-z0-9]{16}$/, 'must be 16 lowercase letters or digits');

export const SellerSchema = z.object({ id: SellerIdSchema, name: z.string() });
export const SellerRecordSchema = SellerSchema.extend({ createdAt: z.string() });
export type SellerRecord = z.infer<typeof SellerRecordSchema>;
export const ApiKeyInfoSchema = z.object({ keyId: KeyIdSchema, label: z.string(), createdAt: z.string() });

export const CreateSellerBodySchema = z.strictObject({
  name: SellerNameSchema,
  /** Label of the first key; "owner" when absent. */
  keyLabel: KeyLabelSchema.optional(),
});
export const CreateSellerResponseSchema = z.object({
  seller: SellerSchema,
  keyId: KeyIdSchema,
  label: z.string(),
  /** Shown once: only a keyed hash is kept. */
  apiKey: z.string(),
});

export const SellerParamsSchema = z.object({ id: SellerIdSchema });
export const CreateKeyBodySchema = z.strictObject({ label: KeyLabelSchema });
export const CreateKeyResponseSchema = z.object({ keyId: KeyIdSchema, label: z.string(), apiKey: z.string() });

export const KeyParamsSchema = z.object({ keyId: KeyIdSchema });
export const RevokeKeyResponseSchema = z.object({ keyId: KeyIdSchema, label: z.string(), revokedAt: z.string() });

export const ListSellersResponseSchema = z.object({ sellers: z.array(SellerRecordSchema) });
export const ListKeysResponseSchema = z.object({ keys: z.array(ApiKeyInfoSchema) });

export const MeResponseSchema = z.object({
  seller: SellerSchema,
  key: z.object({ keyId: KeyIdSchema, label: z.string() }),
});
export type MeResponse = z.infer<typeof MeResponseSchema>;
