// bench:sheet — renders 10,000 orders into the 주문 sheet through the Apps Script fakes and counts the
// Spreadsheet service calls (reads and writes; handle lookups like getRange are listed apart) and the CPU
// time, for a full refresh and for an incremental one with 10 changed orders after people sorted the
// sheet. The baseline, measured in the same run on the same fakes, is the common script: appendRow per
// order for a full refresh, setValue per cell of each changed row for an incremental one.
import { refreshSheets } from '../addon/sheets/refresh';
import { LAYOUTS, ordersLayout } from '../shared/sheets/layouts';
import { renderRow } from '../shared/sheets/rows';
import { planSheetWrites } from '../shared/sheets/data';
import { columnPosition, firstDataRowOf, KEY_COLUMN, renderContext, totalColumnsOf } from '../shared/sheets/layout';
import { installGas, type CallRecord, type GasEnvironment } from '../test/support/gas';
import { makeOrder, populatedSource, type FixtureSource } from '../test/shared/sheets/fixtures';

const ORDERS = 10_000;
const CHANGES = 10;
const TARGETS = { fullWriteCallsPerSheet: 3, fullCpuMs: 1000, incrementalCalls: 12 };

function cpuMs<T>(work: () => T): { result: T; ms: number } {
  const start = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(start);
  return { result, ms: (used.user + used.system) / 1000 };
}

function serviceCalls(calls: readonly CallRecord[]): { data: number; writes: number; reads: number; handles: number } {
  const spreadsheet = calls.filter((call) => call.service === 'Spreadsheet');
  const writes = spreadsheet.filter((call) => call.kind === 'write').length;
  const reads = spreadsheet.filter((call) => call.kind === 'read').length;
  return { data: writes + reads, writes, reads, handles: spreadsheet.length - writes - reads };
}

function writesPerSheet(calls: readonly CallRecord[]): Map<string, number> {
  const perSheet = new Map<string, number>();
  for (const call of calls) if (call.service === 'Spreadsheet' && call.kind === 'write' && call.sheet) perSheet.set(call.sheet, (perSheet.get(call.sheet) ?? 0) + 1);
  return perSheet;
}

/** Ten orders spread over the list, each changed the way a shipment changes it. */
function changeOrders(source: FixtureSource): number[] {
  const indexes = Array.from({ length: CHANGES }, (_, step) => Math.floor(((step + 0.5) * ORDERS) / CHANGES));
  for (const index of indexes) {
    source.updateOrder(makeOrder(index).key, (order) => ({ ...order, state: 'SHIPPED', tracking: { status: 'accepted', carrier: 'cj', trackingNumber: `0${7000000000 + index}` } }));
  }
  return indexes;
}

/** Sets the sheets up (with nothing in them yet), so the measured refreshes are refreshes, not setup. */
function setUp(gas: GasEnvironment): number {
  gas.calls.reset();
  refreshSheets({ fetch: () => ({ complete: true, orders: [], skus: [], listings: [], alerts: [], cursor: null }) });
  const count = serviceCalls(gas.calls.all).data;
  gas.calls.reset();
  return count;
}

async function measureSheetship(): Promise<{ setupCalls: number; full: ReturnType<typeof serviceCalls>; fullPerSheet: Map<string, number>; fullCpuMs: number; incremental: ReturnType<typeof serviceCalls>; incrementalCpuMs: number }> {
  const gas = installGas();
  try {
    const source = populatedSource(ORDERS);
    const setupCalls = setUp(gas);
    // The server's answer is prepared before timing: in Apps Script it arrives over UrlFetch, not from this CPU.
    const everything = source.fetch({ updatedSince: null });
    const full = cpuMs(() => refreshSheets({ fetch: () => everything }, { full: true }));
    if (!full.result.ok) throw new Error(`full refresh failed: ${full.result.status.error ?? ''}`);
    const fullCalls = serviceCalls(gas.calls.all);
    const fullPerSheet = writesPerSheet(gas.calls.all);

    // People sort the sheet between refreshes; rows must still be found by key.
    gas.spreadsheet?.sheet(ordersLayout.sheetName).sort(columnPosition(ordersLayout, 'receiver'), false);
    changeOrders(source);
    const changes = source.fetch({ updatedSince: everything.cursor });
    gas.calls.reset();
    const incremental = cpuMs(() => refreshSheets({ fetch: () => changes }));
    if (!incremental.result.ok || incremental.result.mode !== 'incremental') throw new Error('incremental refresh failed');
    return { setupCalls, full: fullCalls, fullPerSheet, fullCpuMs: full.ms, incremental: serviceCalls(gas.calls.all), incrementalCpuMs: incremental.ms };
  } finally {
    await gas.uninstall();
  }
}

/** The usual hand-written script: one appendRow per row of every sheet; one setValue per cell of a changed row. */
async function measureBaseline(): Promise<{ full: ReturnType<typeof serviceCalls>; ordersWrites: number; fullCpuMs: number; incremental: ReturnType<typeof serviceCalls>; incrementalCpuMs: number }> {
  const gas = installGas();
  try {
    const source = populatedSource(ORDERS);
    setUp(gas);
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    if (!spreadsheet) throw new Error('no spreadsheet');
    const context = renderContext('ko');
    const full = cpuMs(() => {
      for (const write of planSheetWrites(source.fetch({ updatedSince: null }), 'ko', {}).writes) {
        const sheet = spreadsheet.getSheetByName(write.layout.sheetName);
        for (const row of write.rows) sheet?.appendRow([false, ...row.cells]);
      }
    });
    const fullCalls = serviceCalls(gas.calls.all);
    const ordersWrites = writesPerSheet(gas.calls.all).get(ordersLayout.sheetName) ?? 0;

    const sheet = spreadsheet.getSheetByName(ordersLayout.sheetName);
    if (!sheet) throw new Error('no orders sheet');
    const cursor = source.fetch({ updatedSince: null }).cursor;
    const indexes = changeOrders(source);
    const changed = source.fetch({ updatedSince: cursor }).orders;
    if (changed.length !== indexes.length) throw new Error('baseline saw the wrong changes');
    gas.calls.reset();
    const incremental = cpuMs(() => {
      const first = firstDataRowOf(ordersLayout);
      const keys = sheet.getRange(first, KEY_COLUMN, sheet.getLastRow() - first + 1, 1).getValues().map((row) => String(row[0]));
      for (const order of changed) {
        const row = first + keys.indexOf(order.key);
        renderRow(ordersLayout, order, context).cells.forEach((value, offset) => sheet.getRange(row, KEY_COLUMN + offset).setValue(value));
      }
    });
    return { full: fullCalls, ordersWrites, fullCpuMs: full.ms, incremental: serviceCalls(gas.calls.all), incrementalCpuMs: incremental.ms };
  } finally {
    await gas.uninstall();
  }
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function ratio(baseline: number, ours: number): string {
  return ours === 0 ? '-' : `${(baseline / ours).toFixed(1)}x`;
}

// Warm the JIT on a small run of both paths, so the measured run is not mostly compilation.
{
  const gas = installGas();
  const source = populatedSource(500);
  refreshSheets(source);
  source.updateOrder(makeOrder(1).key, (order) => ({ ...order, state: 'SHIPPED' }));
  refreshSheets(source);
  await gas.uninstall();
}

const ours = await measureSheetship();
const baseline = await measureBaseline();
const fullWriteCallsPerSheet = Math.max(...ours.fullPerSheet.values());
const ordersWrites = ours.fullPerSheet.get(ordersLayout.sheetName) ?? 0;

const rows: [string, string, string, string][] = [
  ['figure', 'sheetship', 'baseline', 'baseline/sheetship'],
  [`full refresh: write calls on 주문 (${ORDERS.toLocaleString('en')} rows)`, String(ordersWrites), String(baseline.ordersWrites), ratio(baseline.ordersWrites, ordersWrites)],
  ['full refresh: Spreadsheet reads+writes, all 5 sheets', String(ours.full.data), String(baseline.full.data), ratio(baseline.full.data, ours.full.data)],
  ['full refresh: CPU ms', ours.fullCpuMs.toFixed(0), baseline.fullCpuMs.toFixed(0), ratio(baseline.fullCpuMs, ours.fullCpuMs)],
  [`incremental (${CHANGES} changes, sorted sheet): Spreadsheet reads+writes`, String(ours.incremental.data), String(baseline.incremental.data), ratio(baseline.incremental.data, ours.incremental.data)],
  ['incremental: CPU ms', ours.incrementalCpuMs.toFixed(1), baseline.incrementalCpuMs.toFixed(1), ratio(baseline.incrementalCpuMs, ours.incrementalCpuMs)],
];
const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
for (const row of rows) console.log(row.map((cell, column) => pad(cell, widths[column] ?? 0)).join(' | '));
console.log('');
console.log(`write calls per sheet, full refresh: ${[...ours.fullPerSheet].map(([name, count]) => `${name} ${count}`).join(', ')} (sheets: ${Object.values(LAYOUTS).length})`);
console.log(`one-time setup of the 5 sheets: ${ours.setupCalls} Spreadsheet reads+writes (not part of any refresh)`);
console.log(`handle lookups (getRange, getSheetByName, ...; no data moved): full ${ours.full.handles}, incremental ${ours.incremental.handles}`);
console.log(`incremental reads ${ours.incremental.reads}, writes ${ours.incremental.writes}; widths: ${totalColumnsOf(ordersLayout)} columns per row`);
const checks = [
  ['full write calls per sheet', fullWriteCallsPerSheet, TARGETS.fullWriteCallsPerSheet],
  ['full CPU ms', ours.fullCpuMs, TARGETS.fullCpuMs],
  ['incremental calls', ours.incremental.data, TARGETS.incrementalCalls],
] as const;
for (const [name, value, target] of checks) console.log(`target ${name}: ${value <= target ? 'met' : 'MISSED'} (${Number(value.toFixed(1))} vs ≤ ${target})`);
console.log(
  JSON.stringify({
    bench: 'sheet',
    rows: ORDERS,
    fullWriteCallsPerSheet,
    fullCpuMs: Math.round(ours.fullCpuMs),
    incrementalCalls: ours.incremental.data,
    incrementalCpuMs: Number(ours.incrementalCpuMs.toFixed(1)),
    baselineCalls: baseline.full.data,
  }),
);
