import { API } from '../../shared/api/routes';
import { MAX_BATCH, type ListingInput } from '../../shared/catalog';
import { parseListingKey } from '../../shared/ids';
import type { Language } from '../../shared/messages';
import { parseComponents } from '../../shared/sheets/components';
import { mappingsLayout } from '../../shared/sheets/layouts';
import type { ApiClient } from '../api/client';
import { applyBatchEdits, pending, refused, refuseRow, refuseUntrusted, seen, type BatchEdit } from './common';
import { setOutcome, setOutcomes, type Outcomes } from './outcome';
import type { EditedRow, EditRegion } from './region';

const IDENTITY = ['channel', 'account', 'listingId'] as const;

type Upsert = BatchEdit<ListingInput>;

/**
 * The product name shown on a row pre-filled from an UNMAPPED_LISTING alert goes along as metadata, since
 * that listing does not exist yet; an existing listing keeps its metadata when an update leaves it out.
 */
function metadataFor(row: EditedRow): ListingInput['metadata'] | undefined {
  const productName = row.text('productName');
  return seen(row, 'components') === '' && productName ? { productName } : undefined;
}

function keyedRow(row: EditedRow, language: Language, outcomes: Outcomes, upserts: Upsert[]): void {
  if (!row.rendered) return refuseUntrusted(outcomes, row, language);
  const parts = parseListingKey(row.key);
  if (!parts) return refuseUntrusted(outcomes, row, language);
  for (const columnId of row.edited.filter((id) => id !== 'components')) {
    const unchanged = row.text(columnId) === seen(row, columnId);
    setOutcome(outcomes, row.row, columnId, unchanged ? { kind: 'applied', rendered: row.text(columnId) } : refused(language, 'addon.edit.identity', {}, seen(row, columnId)));
  }
  if (!row.edited.includes('components')) return;
  const text = row.text('components');
  if (text === seen(row, 'components')) return setOutcome(outcomes, row.row, 'components', { kind: 'applied', rendered: text });
  if (!text) return refuseRow(outcomes, row, ['components'], (restore) => refused(language, 'addon.edit.cannotClear', {}, restore));
  const parsed = parseComponents(text);
  if (!parsed.ok) return setOutcome(outcomes, row.row, 'components', refused(language, 'addon.edit.badComponents', { problem: parsed.problem }, seen(row, 'components')));
  const metadata = metadataFor(row);
  upserts.push({ row, columns: ['components'], input: { ...parts, components: parsed.components, ...(metadata ? { metadata } : {}) } });
}

/** A mapping typed on an empty row: channel, account, listing id and components, then it is sent. */
function newRow(row: EditedRow, language: Language, outcomes: Outcomes, upserts: Upsert[]): void {
  const texts = [...IDENTITY, 'components'].map((id) => row.text(id));
  if (texts.every((text) => text === '')) return;
  if (texts.some((text) => text === '')) return setOutcomes(outcomes, row.row, row.edited, () => pending(language, 'addon.edit.needsListing'));
  const key = mappingsLayout.identity?.key(IDENTITY.map((id) => row.text(id))) ?? null;
  const parts = key ? parseListingKey(key) : null;
  if (!parts) return setOutcomes(outcomes, row.row, row.edited, () => pending(language, 'addon.edit.badListing'));
  const parsed = parseComponents(row.text('components'));
  if (!parsed.ok) return setOutcomes(outcomes, row.row, row.edited, () => pending(language, 'addon.edit.badComponents', { problem: parsed.problem }));
  const productName = row.text('productName');
  upserts.push({ row, columns: row.edited, input: { ...parts, components: parsed.components, ...(productName ? { metadata: { productName } } : {}) } });
}

/** 매핑: components typed on a listing's row (an unmapped one fixes its held orders) become listing upserts. */
export function applyMappingEdits(region: EditRegion, client: ApiClient, language: Language): Outcomes {
  const outcomes: Outcomes = new Map();
  const upserts: Upsert[] = [];
  for (const row of region.rows) {
    if (row.key) keyedRow(row, language, outcomes, upserts);
    else newRow(row, language, outcomes, upserts);
  }
  applyBatchEdits(upserts, MAX_BATCH, (listings) => client.call(API.putListings, { body: { listings } }).results, language, outcomes);
  return outcomes;
}
