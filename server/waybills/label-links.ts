import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { Refusal } from './refusal';

/**
 * Labels links: `<payload>.<signature>`, both base64url. The payload names the seller, the print job (whose
 * waybills are stored under the seller's keys) and the expiry; the HMAC-SHA256 under a key derived from the
 * master key binds them, so a link opens exactly that seller's batch until it expires, without a Bearer key.
 */
const PayloadSchema = z.object({ s: z.string().min(1).max(60), j: z.string().min(1).max(60), e: z.int() });
export type LabelLink = { sellerId: string; jobId: string; expiresAtMs: number };

function sign(key: Buffer, payload: string): Buffer {
  return createHmac('sha256', key).update(`sheetship labels v1\n${payload}`).digest();
}

export function signLabelLink(key: Buffer, link: LabelLink): string {
  const payload = Buffer.from(JSON.stringify({ s: link.sellerId, j: link.jobId, e: link.expiresAtMs })).toString('base64url');
  return `${payload}.${sign(key, payload).toString('base64url')}`;
}

/** The link's seller and job, or a refusal: LABEL_LINK_INVALID (403) for a forged or damaged one, LABEL_LINK_EXPIRED (410). */
export function verifyLabelLink(key: Buffer, token: string, nowMs: number): LabelLink {
  const [payload, signature, extra] = token.split('.');
  const invalid = new Refusal('LABEL_LINK_INVALID', {}, 403);
  if (!payload || !signature || extra !== undefined) throw invalid;
  const expected = sign(key, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  const parsed = PayloadSchema.safeParse(decoded);
  if (!parsed.success) throw invalid;
  if (parsed.data.e <= nowMs) throw new Refusal('LABEL_LINK_EXPIRED', {}, 410);
  return { sellerId: parsed.data.s, jobId: parsed.data.j, expiresAtMs: parsed.data.e };
}
