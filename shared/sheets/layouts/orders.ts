import { parseOrderKey } from '../../ids';
import { openQuantity, type Order } from '../../order';
import { formatKst } from '../cells';
import { carrierLabels, carrierLabel, channelLabel } from '../labels';
import { statusColours } from '../colours';
import type { Layout, RenderContext } from '../layout';

export const orderStateColours = statusColours([
  ['state.HELD', 'red'],
  ['state.ALLOCATED', 'blue'],
  ['state.WAYBILL_ISSUED', 'yellow'],
  ['state.SHIPPED', 'green'],
  ['state.DELIVERED', 'grey'],
  ['state.CANCELLED', 'grey'],
  ['state.RETURNED', 'purple'],
]);

/** The label may carry the channel's refusal after a colon, so these match on the start. */
export const trackingColours = statusColours(
  [
    ['tracking.pending', 'yellow'],
    ['tracking.accepted', 'green'],
    ['tracking.rejected', 'red'],
  ],
  'startsWith',
);

function productSummary(order: Order, context: RenderContext): string {
  const names = order.lines.map((line) => {
    const name = [line.productName ?? line.listingId, line.optionName].filter(Boolean).join(' / ');
    const quantity = openQuantity(line);
    return quantity === 1 ? name : `${name} x${quantity}`;
  });
  const first = names[0] ?? '';
  return names.length <= 1 ? first : context.label('sheet.orders.moreLines', { first, count: names.length - 1 });
}

function heldText(order: Order, context: RenderContext): string {
  if (!order.heldReason) return '';
  const reason = context.label(`held.${order.heldReason}`);
  return order.heldDetail ? `${reason}: ${order.heldDetail}` : reason;
}

function claimText(order: Order, context: RenderContext): string {
  if (!order.claim) return '';
  return `${context.label(`claim.${order.claim.type}`)} ${context.label(`claimStatus.${order.claim.status}`)}`;
}

function trackingText(order: Order, context: RenderContext): string {
  const label = context.label(`tracking.${order.tracking.status}`);
  return order.tracking.status === 'rejected' && order.tracking.message ? `${label}: ${order.tracking.message}` : label;
}

/**
 * `주문`: one row per order. People type a carrier and tracking number for parcels sent outside Sheetship;
 * the rest is the server's. Tracking-number validation only marks the cell, since the onEdit handler
 * validates per carrier (length and check digit) and explains a refusal in a note.
 */
export const ordersLayout: Layout<Order> = {
  id: 'orders',
  sheetName: '주문',
  statusRow: false,
  keyOf: (order) => order.key,
  anchor: { column: 'orderId', fromKey: (key) => parseOrderKey(key)?.orderId ?? null },
  columns: [
    { id: 'channel', header: 'sheet.col.channel', kind: 'label', width: 90, value: (o, c) => channelLabel(o.channel, c.language) },
    { id: 'account', header: 'sheet.col.account', kind: 'id', width: 90, external: true, value: (o) => o.account },
    { id: 'orderId', header: 'sheet.col.orderId', kind: 'id', width: 150, external: true, value: (o) => o.orderId },
    { id: 'orderedAt', header: 'sheet.col.orderedAt', kind: 'date', width: 115, value: (o) => formatKst(o.orderedAt ?? o.createdAt) },
    { id: 'state', header: 'sheet.col.state', kind: 'label', width: 80, statusColors: orderStateColours, value: (o, c) => c.label(`state.${o.state}`) },
    { id: 'held', header: 'sheet.col.held', kind: 'text', width: 140, external: true, value: heldText },
    { id: 'claim', header: 'sheet.col.claim', kind: 'label', width: 80, value: claimText },
    { id: 'products', header: 'sheet.col.products', kind: 'text', width: 260, external: true, value: productSummary },
    { id: 'quantity', header: 'sheet.col.quantity', kind: 'number', width: 50, value: (o) => o.lines.reduce((sum, line) => sum + openQuantity(line), 0) },
    { id: 'receiver', header: 'sheet.col.receiver', kind: 'text', width: 80, external: true, value: (o, c) => (o.piiErasedAt ? c.label('sheet.orders.erased') : o.receiver.name) },
    { id: 'phone', header: 'sheet.col.phone', kind: 'id', width: 115, external: true, value: (o) => o.receiver.phone },
    { id: 'zip', header: 'sheet.col.zip', kind: 'id', width: 65, external: true, value: (o) => o.receiver.zip },
    {
      id: 'address',
      header: 'sheet.col.address',
      kind: 'text',
      width: 300,
      external: true,
      value: (o) => [o.receiver.address1, o.receiver.address2].filter(Boolean).join(' '),
    },
    { id: 'message', header: 'sheet.col.message', kind: 'text', width: 180, external: true, value: (o) => o.message ?? '' },
    {
      id: 'carrier',
      header: 'sheet.col.carrier',
      kind: 'text',
      width: 110,
      external: true,
      editable: { type: 'list', values: carrierLabels, strict: false, help: 'sheet.help.carrier' },
      value: (o, c) => carrierLabel(o.tracking.carrier, c.language),
    },
    {
      id: 'trackingNumber',
      header: 'sheet.col.trackingNumber',
      kind: 'id',
      width: 130,
      external: true,
      editable: { type: 'pattern', pattern: '^[0-9][0-9 -]{6,22}[0-9]$', help: 'sheet.help.trackingNumber' },
      value: (o) => o.tracking.trackingNumber ?? '',
    },
    { id: 'tracking', header: 'sheet.col.tracking', kind: 'label', width: 110, statusColors: trackingColours, value: trackingText },
    { id: 'dueAt', header: 'sheet.col.dueAt', kind: 'date', width: 115, value: (o) => formatKst(o.dueAt) },
    { id: 'shippedAt', header: 'sheet.col.shippedAt', kind: 'date', width: 115, value: (o) => formatKst(o.shippedAt) },
    { id: 'updatedAt', header: 'sheet.col.updatedAt', kind: 'date', width: 115, value: (o) => formatKst(o.updatedAt) },
  ],
};
