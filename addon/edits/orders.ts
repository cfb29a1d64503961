import { API } from '../../shared/api/routes';
import type { ParcelResult } from '../../shared/api/waybills';
import { carrierName, validateTrackingNumber, type CarrierId } from '../../shared/carriers';
import { message, type Language } from '../../shared/messages';
import { carrierFromLabel } from '../../shared/sheets/labels';
import type { ApiClient } from '../api/client';
import { pending, refused, refuseRow, refuseUntrusted, seen, sendBatch } from './common';
import { setOutcome, setOutcomes, type Outcomes } from './outcome';
import type { EditedRow, EditRegion } from './region';

interface ManualWaybill {
  row: EditedRow;
  carrier: CarrierId;
  trackingNumber: string;
}

/** Decides what a carrier or tracking-number edit on one order row means; manual waybills are collected. */
function planRow(row: EditedRow, language: Language, outcomes: Outcomes, waybills: ManualWaybill[]): void {
  if (!row.rendered) return refuseUntrusted(outcomes, row, language);
  const typed = row.text('trackingNumber');
  const existing = String(seen(row, 'trackingNumber') ?? '');
  const unchanged = row.edited.every((id) => row.text(id) === String(seen(row, id) ?? ''));
  if (unchanged) return setOutcomes(outcomes, row.row, row.edited, (id) => ({ kind: 'applied', rendered: row.text(id) }));
  // A waybill exists: its carrier and number belong to it; changing them means voiding it first.
  if (existing) return refuseRow(outcomes, row, row.edited, (restore) => refused(language, 'addon.edit.hasWaybill', { tracking: existing }, restore));
  if (!typed) return setOutcomes(outcomes, row.row, row.edited, (id) => ({ kind: 'applied', rendered: row.text(id) }));
  const carrier = carrierFromLabel(row.text('carrier'));
  if (!carrier) return setOutcomes(outcomes, row.row, row.edited, () => pending(language, 'addon.edit.needsCarrier'));
  const check = validateTrackingNumber(carrier, typed);
  if (!check.ok) {
    const problem = message(`addon.edit.trackingProblem.${check.problem}`, language);
    return refuseRow(outcomes, row, row.edited, (restore) => refused(language, 'addon.edit.badTracking', { carrier: carrierName(carrier, language), problem }, restore));
  }
  waybills.push({ row, carrier, trackingNumber: check.number });
}

function waybillOutcome(waybill: ManualWaybill, result: ParcelResult | null, failure: string | null, language: Language, outcomes: Outcomes): void {
  const { row } = waybill;
  if (!result || result.result === 'error') {
    const reason = result?.result === 'error' ? result.error.message : (failure ?? '');
    return refuseRow(outcomes, row, row.edited, (restore) => refused(language, 'addon.text', { text: reason }, restore));
  }
  // The order had a waybill already (issued meanwhile): the server kept it, so the typed number was not used.
  const numbers = result.waybills.map((issued) => issued.trackingNumber);
  if (!numbers.includes(waybill.trackingNumber)) return refuseRow(outcomes, row, row.edited, (restore) => refused(language, 'addon.edit.hasWaybill', { tracking: numbers.join(', ') }, restore));
  setOutcome(outcomes, row.row, 'trackingNumber', { kind: 'applied', rendered: waybill.trackingNumber, show: waybill.trackingNumber });
  if (row.edited.includes('carrier')) setOutcome(outcomes, row.row, 'carrier', { kind: 'applied', rendered: row.text('carrier') });
}

/**
 * 주문: a tracking number typed for a parcel sent without Sheetship becomes a manual waybill (POST
 * /v1/waybills with trackingNumber), validated for its carrier first. One request per carrier in the edit.
 */
export function applyOrderEdits(region: EditRegion, client: ApiClient, language: Language): Outcomes {
  const outcomes: Outcomes = new Map();
  const waybills: ManualWaybill[] = [];
  for (const row of region.rows) if (row.key) planRow(row, language, outcomes, waybills);
  const carriers = [...new Set(waybills.map((waybill) => waybill.carrier))];
  for (const carrier of carriers) {
    const batch = waybills.filter((waybill) => waybill.carrier === carrier);
    const parcels = batch.map((waybill) => ({ orderKeys: [waybill.row.key], trackingNumber: waybill.trackingNumber }));
    const { results, failure } = sendBatch(() => client.call(API.issueWaybills, { body: { carrier, parcels } }).results, batch.length, language);
    batch.forEach((waybill, index) => waybillOutcome(waybill, results.find((result) => result?.index === index) ?? null, failure, language, outcomes));
  }
  return outcomes;
}
