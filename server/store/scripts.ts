import { createHash } from 'node:crypto';
import ingestSource from './lua/ingest.lua';
import { LIBRARY_LUA } from './lua/library';
import { alertTypesLua } from './lua/alert-types-lua';
import { stateMachineLua } from './lua/state-machine-lua';
import ackAlert from './scripts/ack_alert.lua';
import acquireLease from './scripts/acquire_lease.lua';
import adjustStock from './scripts/adjust_stock.lua';
import cancelLine from './scripts/cancel_line.lua';
import cancelOrder from './scripts/cancel_order.lua';
import erasePii from './scripts/erase_pii.lua';
import holdOrder from './scripts/hold_order.lua';
import indexClosedOrders from './scripts/index_closed_orders.lua';
import ingestOrders from './scripts/ingest_orders.lua';
import markWaybillIssued from './scripts/mark_waybill_issued.lua';
import raiseAlert from './scripts/raise_alert.lua';
import recordClaim from './scripts/record_claim.lua';
import releaseLease from './scripts/release_lease.lua';
import releaseOrder from './scripts/release_order.lua';
import resumeBackorders from './scripts/resume_backorders.lua';
import returnLine from './scripts/return_line.lua';
import setOrderFlags from './scripts/set_order_flags.lua';
import shipOrders from './scripts/ship_orders.lua';
import trimLedger from './scripts/trim_ledger.lua';
import upsertListings from './scripts/upsert_listings.lua';
import upsertSkus from './scripts/upsert_skus.lua';
import voidWaybill from './scripts/void_waybill.lua';
import writeCursor from './scripts/write_cursor.lua';
import writeSettings from './scripts/write_settings.lua';
// Waybills, labels and scans (server/waybills, server/shipping).
import cjBeginParcel from './scripts/cj_begin_parcel.lua';
import cjCompleteParcel from './scripts/cj_complete_parcel.lua';
import cjDropIssuance from './scripts/cj_drop_issuance.lua';
import cjSaveIssuance from './scripts/cj_save_issuance.lua';
import cjTakeOver from './scripts/cj_take_over.lua';
import issueWaybills from './scripts/issue_waybills.lua';
import printLabels from './scripts/print_labels.lua';
import putWaybillRange from './scripts/put_waybill_range.lua';
import verifyItem from './scripts/verify_item.lua';
import voidWaybillRecord from './scripts/void_waybill_record.lua';
import beginWaybillVoid from './scripts/begin_waybill_void.lua';
import claimWaybillVoids from './scripts/claim_waybill_voids.lua';
import failWaybillVoid from './scripts/fail_waybill_void.lua';

/** One file per atomic operation, each with its contract in its header. */
const SOURCES = {
  ack_alert: ackAlert,
  acquire_lease: acquireLease,
  adjust_stock: adjustStock,
  cancel_line: cancelLine,
  cancel_order: cancelOrder,
  erase_pii: erasePii,
  hold_order: holdOrder,
  index_closed_orders: indexClosedOrders,
  ingest_orders: ingestOrders,
  mark_waybill_issued: markWaybillIssued,
  raise_alert: raiseAlert,
  record_claim: recordClaim,
  release_lease: releaseLease,
  release_order: releaseOrder,
  resume_backorders: resumeBackorders,
  return_line: returnLine,
  set_order_flags: setOrderFlags,
  ship_orders: shipOrders,
  trim_ledger: trimLedger,
  upsert_listings: upsertListings,
  upsert_skus: upsertSkus,
  void_waybill: voidWaybill,
  write_cursor: writeCursor,
  write_settings: writeSettings,
  cj_begin_parcel: cjBeginParcel,
  cj_complete_parcel: cjCompleteParcel,
  cj_drop_issuance: cjDropIssuance,
  cj_save_issuance: cjSaveIssuance,
  cj_take_over: cjTakeOver,
  issue_waybills: issueWaybills,
  print_labels: printLabels,
  put_waybill_range: putWaybillRange,
  verify_item: verifyItem,
  void_waybill_record: voidWaybillRecord,
  begin_waybill_void: beginWaybillVoid,
  claim_waybill_voids: claimWaybillVoids,
  fail_waybill_void: failWaybillVoid,
} as const;

export type ScriptName = keyof typeof SOURCES;

export interface ScriptLibrary {
  /** The library's name; it carries a hash of the source, so two builds sharing a Redis never clash. */
  name: string;
  source: string;
  /** The Redis function that runs each script. */
  functions: Record<ScriptName, string>;
}

/**
 * The scripts as one Redis function library (Redis 7). The state machine and the shared helpers are defined
 * once, when the library loads, instead of again on every call as an EVAL script would: that prelude was
 * the largest fixed cost of a small operation. Each script file is the body of its function, which gets
 * KEYS and ARGV as an EVAL script does, so the files read the same either way.
 */
export function assembleLibrary(): ScriptLibrary {
  const bodies = Object.entries(SOURCES) as [ScriptName, string][];
  const code = [
    stateMachineLua(),
    alertTypesLua(),
    LIBRARY_LUA,
    ingestSource,
    ...bodies.map(([name, body]) => `-- ${name}.lua\nredis.register_function('${name}__VERSION__', function(KEYS, ARGV)\nbegin(KEYS, ARGV)\n${body}\nend)\n`),
  ].join('\n');
  const version = createHash('sha1').update(code).digest('hex').slice(0, 12);
  const name = `sheetship_${version}`;
  const functions = Object.fromEntries(bodies.map(([script]) => [script, `${script}_${version}`])) as Record<ScriptName, string>;
  return { name, source: `#!lua name=${name}\n${code.replaceAll('__VERSION__', `_${version}`)}`, functions };
}

let assembled: ScriptLibrary | undefined;

export function scriptLibrary(): ScriptLibrary {
  assembled ??= assembleLibrary();
  return assembled;
}
