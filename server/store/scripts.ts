import { createHash } from 'node:crypto';
import libSource from './lua/lib.lua';
import { stateMachineLua } from './lua/state-machine-lua';
import ackAlert from './scripts/ack_alert.lua';
import adjustStock from './scripts/adjust_stock.lua';
import cancelLine from './scripts/cancel_line.lua';
import cancelOrder from './scripts/cancel_order.lua';
import holdOrder from './scripts/hold_order.lua';
import ingestOrder from './scripts/ingest_order.lua';
import markWaybillIssued from './scripts/mark_waybill_issued.lua';
import raiseAlert from './scripts/raise_alert.lua';
import recordClaim from './scripts/record_claim.lua';
import releaseOrder from './scripts/release_order.lua';
import resumeBackorders from './scripts/resume_backorders.lua';
import returnLine from './scripts/return_line.lua';
import setOrderFlags from './scripts/set_order_flags.lua';
import shipOrders from './scripts/ship_orders.lua';
import trimLedger from './scripts/trim_ledger.lua';
import upsertListings from './scripts/upsert_listings.lua';
import upsertSkus from './scripts/upsert_skus.lua';
import voidWaybill from './scripts/void_waybill.lua';
import writeSettings from './scripts/write_settings.lua';

/** One file per atomic operation, each with its contract in its header. */
const SOURCES = {
  ack_alert: ackAlert,
  adjust_stock: adjustStock,
  cancel_line: cancelLine,
  cancel_order: cancelOrder,
  hold_order: holdOrder,
  ingest_order: ingestOrder,
  mark_waybill_issued: markWaybillIssued,
  raise_alert: raiseAlert,
  record_claim: recordClaim,
  release_order: releaseOrder,
  resume_backorders: resumeBackorders,
  return_line: returnLine,
  set_order_flags: setOrderFlags,
  ship_orders: shipOrders,
  trim_ledger: trimLedger,
  upsert_listings: upsertListings,
  upsert_skus: upsertSkus,
  void_waybill: voidWaybill,
  write_settings: writeSettings,
} as const;

export type ScriptName = keyof typeof SOURCES;

export interface AssembledScript {
  name: string;
  source: string;
  sha: string;
}

/** The generated state machine and the shared library go ahead of each script; Redis has no include. */
export function assembleScript(name: string, body: string): AssembledScript {
  const source = `${stateMachineLua()}\n${libSource}\n-- ${name}.lua\n${body}`;
  return { name, source, sha: createHash('sha1').update(source).digest('hex') };
}

let assembled: Record<ScriptName, AssembledScript> | undefined;

export function scripts(): Record<ScriptName, AssembledScript> {
  assembled ??= Object.fromEntries(
    Object.entries(SOURCES).map(([name, body]) => [name, assembleScript(name, body)]),
  ) as Record<ScriptName, AssembledScript>;
  return assembled;
}
