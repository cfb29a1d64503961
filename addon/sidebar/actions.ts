import type { CarrierChoice } from '../../shared/sidebar-contract';
import { byId, whileBusy } from './dom';
import { t } from './i18n';
import { printLabels } from './labels';
import { failureLine, showError, showResult, type ResultKind } from './result-view';
import { callServer } from './rpc';

export interface ActionHooks {
  /** Refreshes the sheets and the status; `announce` reports the outcome in the result area. */
  refresh: (announce: boolean) => Promise<void>;
  enterScanMode: () => void;
}

function summaryKind(ok: number, failed: number): ResultKind {
  if (failed === 0) return ok === 0 ? 'info' : 'ok';
  return ok === 0 ? 'error' : 'warning';
}

function chosenCarrier(): CarrierChoice {
  return byId<HTMLSelectElement>('carrier-select').value as CarrierChoice;
}

async function issueWaybills(hooks: ActionHooks): Promise<void> {
  const reply = await callServer('issueWaybills', { carrier: chosenCarrier() });
  if (!reply.ok) return showError(reply.error);
  const failed = reply.value.results.filter((result) => !result.ok);
  const ok = reply.value.results.length - failed.length;
  showResult(summaryKind(ok, failed.length), reply.value.results.length === 0 ? t('sidebar.result.none') : t('sidebar.result.issued', { ok, failed: failed.length }), {
    failures: failed.map((result) => failureLine(result.orderKeys.join(', '), result.error)),
  });
  if (ok > 0) await hooks.refresh(false);
}

async function bulkShip(hooks: ActionHooks): Promise<void> {
  const reply = await callServer('bulkShip', {});
  if (!reply.ok) return showError(reply.error);
  const failed = reply.value.results.filter((result) => !result.ok);
  const ok = reply.value.results.length - failed.length;
  showResult(summaryKind(ok, failed.length), reply.value.results.length === 0 ? t('sidebar.result.none') : t('sidebar.result.shipped', { ok, failed: failed.length }), {
    failures: failed.map((result) => failureLine(result.orderKey, result.error)),
  });
  if (ok > 0) await hooks.refresh(false);
}

async function openSettings(): Promise<void> {
  const reply = await callServer('openSettings', {});
  if (!reply.ok) showError(reply.error);
}

function bind(id: string, work: () => Promise<void>): void {
  const button = byId<HTMLButtonElement>(id);
  button.addEventListener('click', () => void whileBusy(button, work));
}

export function bindActions(hooks: ActionHooks): void {
  bind('refresh-button', () => hooks.refresh(true));
  bind('issue-button', () => issueWaybills(hooks));
  bind('print-button', () => printLabels(chosenCarrier(), () => hooks.refresh(false)));
  bind('ship-button', () => bulkShip(hooks));
  bind('settings-button', openSettings);
  byId('scan-button').addEventListener('click', hooks.enterScanMode);
}
