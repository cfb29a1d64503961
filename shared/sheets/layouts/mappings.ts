import type { Alert } from '../../alerts';
import type { Component, Listing } from '../../catalog';
import { AccountIdSchema, ListingIdSchema, listingKey, parseListingKey, type Channel } from '../../ids';
import { restoreNeutralized } from '../cells';
import { statusColours } from '../colours';
import { formatComponents } from '../components';
import { channelFromLabel, channelLabel, channelLabels } from '../labels';
import type { Layout } from '../layout';

/** One 매핑 row: a mapped listing, or an unmapped one known only from its UNMAPPED_LISTING alert. */
export interface MappingItem {
  channel: Channel;
  account: string;
  listingId: string;
  productName: string;
  components: readonly Component[];
  /** Null while unmapped: nothing can be sold. */
  sellable: number | null;
  autoMapped: boolean;
}

function stringDetail(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function mappingFromListing(listing: Listing): MappingItem {
  return {
    channel: listing.channel,
    account: listing.account,
    listingId: listing.listingId,
    productName: stringDetail(listing.metadata['productName']),
    components: listing.components,
    sellable: listing.sellable,
    autoMapped: listing.autoMapped,
  };
}

/** Unmapped listings, pre-filled from open UNMAPPED_LISTING alerts (their subject is the listing key). */
export function mappingsFromAlerts(alerts: readonly Alert[]): MappingItem[] {
  const items: MappingItem[] = [];
  for (const alert of alerts) {
    if (alert.type !== 'UNMAPPED_LISTING') continue;
    const parts = parseListingKey(alert.subject);
    if (!parts) continue;
    items.push({ ...parts, productName: stringDetail(alert.detail['productName']), components: [], sellable: null, autoMapped: false });
  }
  return items;
}

export const mappingStatusColours = statusColours([['mapping.UNMAPPED', 'red']]);

/**
 * `매핑`: listings → components. This is where an UNMAPPED order gets fixed: the seller types components
 * on the pre-filled row. A new mapping may also be typed on an empty row (channel, account, listing id);
 * a refresh adopts it by those three cells.
 */
export const mappingsLayout: Layout<MappingItem> = {
  id: 'mappings',
  sheetName: '매핑',
  statusRow: false,
  keyOf: (item) => listingKey(item.channel, item.account, item.listingId),
  anchor: { column: 'listingId', fromKey: (key) => parseListingKey(key)?.listingId ?? null },
  identity: {
    columns: ['channel', 'account', 'listingId'],
    key: ([channelText, accountText, listingText]) => {
      const channel = channelFromLabel(channelText ?? '');
      const account = AccountIdSchema.safeParse(restoreNeutralized(accountText ?? '').trim());
      const listingId = ListingIdSchema.safeParse(restoreNeutralized(listingText ?? '').trim());
      if (!channel || !account.success || !listingId.success) return null;
      return listingKey(channel, account.data, listingId.data);
    },
  },
  columns: [
    {
      id: 'channel',
      header: 'sheet.col.channel',
      kind: 'label',
      width: 100,
      editable: { type: 'list', values: channelLabels, strict: true, help: 'sheet.help.channel' },
      value: (m, c) => channelLabel(m.channel, c.language),
    },
    { id: 'account', header: 'sheet.col.account', kind: 'id', width: 90, external: true, editable: { type: 'text', maxLength: 64, help: 'sheet.help.account' }, value: (m) => m.account },
    {
      id: 'listingId',
      header: 'sheet.col.listingId',
      kind: 'id',
      width: 170,
      external: true,
      editable: { type: 'pattern', pattern: '^\\S{1,128}$', help: 'sheet.help.listingId' },
      value: (m) => m.listingId,
    },
    { id: 'productName', header: 'sheet.col.productName', kind: 'text', width: 260, external: true, value: (m) => m.productName },
    {
      id: 'components',
      header: 'sheet.col.components',
      kind: 'text',
      width: 220,
      external: true,
      editable: { type: 'text', maxLength: 2000, help: 'sheet.help.components' },
      value: (m) => formatComponents(m.components),
    },
    { id: 'sellable', header: 'sheet.col.sellable', kind: 'number', width: 80, value: (m) => m.sellable ?? '' },
    { id: 'mappedBy', header: 'sheet.col.mappedBy', kind: 'label', width: 80, value: (m, c) => (m.components.length === 0 ? '' : c.label(m.autoMapped ? 'mapping.auto' : 'mapping.manual')) },
    {
      id: 'mappingStatus',
      header: 'sheet.col.mappingStatus',
      kind: 'label',
      width: 90,
      statusColors: mappingStatusColours,
      value: (m, c) => c.label(m.components.length === 0 ? 'mapping.UNMAPPED' : 'mapping.MAPPED'),
    },
  ],
};
