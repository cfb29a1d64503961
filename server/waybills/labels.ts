import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import type { Order } from '../../shared/order';
import type { SellerSettings } from '../../shared/settings';
import { openLabelPdf, type LabelData } from '../carriers/labels';
import type { SellerStore } from '../store';
import { signLabelLink, verifyLabelLink } from './label-links';
import { parcelItems } from './parcel-content';
import type { StoredWaybill } from './records';
import { Refusal, scriptRefusal } from './refusal';
import type { ShippingRuntime } from './runtime';
import type { WaybillStore } from './waybill-store';

const KST_OFFSET_MS = 9 * 3_600_000;
const LabelJobSchema = z.object({ waybillIds: z.array(z.string()).min(1), actor: z.string() });

/** The live waybills of these orders, in the order asked and by box; each waybill once (합포장 orders share one). */
async function liveWaybills(seller: SellerStore, waybills: WaybillStore, orderKeys: readonly string[]): Promise<StoredWaybill[]> {
  const orders = new Map((await seller.orders.getMany(orderKeys)).map((order) => [order.key, order]));
  const ids: string[] = [];
  for (const key of orderKeys) {
    const order = orders.get(key);
    if (!order) throw new Refusal('ORDER_NOT_FOUND', { key }, 404);
    if (!order.waybillIds || order.waybillIds.length === 0) throw new Refusal('NO_WAYBILL', { key });
    if (order.piiErasedAt) throw new Refusal('PII_ERASED', { key });
    for (const id of order.waybillIds) if (!ids.includes(id)) ids.push(id);
  }
  const records = await waybills.getMany(ids);
  return records.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id) || a.package - b.package);
}

function requireContracts(settings: SellerSettings, records: readonly StoredWaybill[]): void {
  for (const record of records) if (!settings.carrierContracts[record.carrier]) throw new Refusal('NO_CONTRACT', { carrier: record.carrier }, 422);
}

/**
 * A short-lived signed link to the labels of these orders (one page per box). The batch is fixed now; printing
 * counts when the link is opened.
 */
export async function createLabelLink(runtime: ShippingRuntime, seller: SellerStore, waybills: WaybillStore, orderKeys: readonly string[], origin: string) {
  const records = await liveWaybills(seller, waybills, orderKeys);
  requireContracts(await seller.settings.get(), records);
  const jobId = randomBytes(16).toString('base64url');
  const ttl = runtime.options.labelUrlTtlMs;
  const expiresAtMs = runtime.now() + ttl;
  const job = { waybillIds: records.map((record) => record.id), actor: waybills.ctx.actor };
  await waybills.ctx.redis().set(waybills.keys.labelJob(jobId), JSON.stringify(job), { PX: ttl });
  const token = signLabelLink(runtime.labelKey, { sellerId: seller.sellerId, jobId, expiresAtMs });
  return { url: `${origin}/v1/labels/${token}`, expiresAt: new Date(expiresAtMs).toISOString(), waybillIds: job.waybillIds };
}

function kstDate(iso: string): string {
  return new Date(Date.parse(iso) + KST_OFFSET_MS).toISOString().slice(0, 10);
}

const FARES = { '01': 'prepaid', '02': 'collect', '03': 'credit' } as const;

function clip(value: string | undefined, max: number): string | undefined {
  const text = value?.trim();
  return text ? text.slice(0, max) : undefined;
}

/** The renderer's input for one box: the orders' current receiver and items, the contract's sender. */
export function labelDataOf(record: StoredWaybill, orders: readonly Order[], settings: SellerSettings, printCount: number): LabelData {
  const first = orders[0];
  const contract = settings.carrierContracts[record.carrier];
  if (!first) throw new Refusal('ORDER_NOT_FOUND', { key: record.orderKeys[0] ?? '' }, 404);
  // A link made before the erasure may be opened after it.
  const erased = orders.find((order) => order.piiErasedAt);
  if (erased) throw new Refusal('PII_ERASED', { key: erased.key });
  if (!contract) throw new Refusal('NO_CONTRACT', { carrier: record.carrier }, 422);
  const sort = record.sortCode;
  const sortFields = {
    code: clip(sort?.code, 8),
    subCode: clip(sort?.subCode, 6),
    shortAddress: clip(sort?.shortAddress, 40),
    branch: clip(sort?.branch, 30),
    smAlias: clip(sort?.driverAlias, 20),
  };
  const labelSort = Object.fromEntries(Object.entries(sortFields).filter(([, value]) => value !== undefined));
  const items = parcelItems(orders).map((item) => ({ name: item.name.slice(0, 300), quantity: item.quantity, ...(item.option ? { option: item.option.slice(0, 300) } : {}) }));
  const message = orders.map((order) => order.message?.trim() ?? '').find((text) => text.length > 0);
  const fare = record.booking ? FARES[record.booking.FRT_DV_CD as keyof typeof FARES] : undefined;
  return {
    carrier: record.carrier,
    trackingNumber: record.trackingNumber,
    package: { index: record.package, count: record.packages },
    ...(Object.keys(labelSort).length > 0 ? { sort: labelSort } : {}),
    receiver: first.receiver,
    sender: {
      name: contract.senderName,
      phone: contract.senderPhone,
      address1: contract.senderAddress1,
      ...(contract.senderZip ? { zip: contract.senderZip } : {}),
      ...(contract.senderAddress2 ? { address2: contract.senderAddress2 } : {}),
    },
    items: items.length > 0 ? items.slice(0, 500) : [{ name: first.key, quantity: 1 }],
    ...(message ? { message: message.slice(0, 500) } : {}),
    printCount,
    receiptDate: kstDate(record.issuedAt),
    ...(fare ? { fare } : {}),
  };
}

/**
 * Opens a labels link: checks it, counts the print (once per link, however often it is fetched) and streams the
 * PDF, masked per the seller's settings.
 */
export async function openLabelLink(runtime: ShippingRuntime, token: string): Promise<Readable> {
  const link = verifyLabelLink(runtime.labelKey, token, runtime.now());
  const reader = runtime.waybills(link.sellerId, 'labels');
  const raw = await reader.ctx.redis().get(reader.keys.labelJob(link.jobId));
  if (!raw) throw new Refusal('LABEL_LINK_EXPIRED', {}, 410);
  const job = LabelJobSchema.parse(JSON.parse(raw));
  // The print is counted as the key that asked for the link.
  const seller = runtime.store.forSeller(link.sellerId, job.actor);
  const waybills = runtime.waybills(link.sellerId, job.actor);
  const [records, settings] = await Promise.all([waybills.getMany(job.waybillIds), seller.settings.get()]);
  const orders = new Map((await seller.orders.getMany([...new Set(records.flatMap((record) => record.orderKeys))])).map((order) => [order.key, order]));
  // Every label is built (and any refusal met, such as erased buyer data) before the print is counted.
  const unprinted = records.map((record) => labelDataOf(record, record.orderKeys.flatMap((key) => orders.get(key) ?? []), settings, record.printCount));
  const printed = await waybills.print(link.jobId, job.waybillIds, Math.max(1, link.expiresAtMs - runtime.now()));
  if ('error' in printed) throw scriptRefusal(printed.error);
  const labels = unprinted.map((label, index) => ({ ...label, printCount: printed.counts[records[index]?.id ?? ''] ?? label.printCount }));
  return openLabelPdf(labels, { masking: settings.masking, language: settings.language });
}
