import * as admin from './admin';
import * as alerts from './alerts';
import * as catalog from './catalog';
import * as channels from './channels';
import { endpoint, type Endpoint } from './endpoint';
import * as inventory from './inventory';
import * as orders from './orders';
import * as service from './service';
import * as settings from './settings';
import * as waybills from './waybills';

/** The HTTP API contract, route by route. */
export const API = {
  healthz: endpoint({ operationId: 'healthz', method: 'get', path: '/healthz', auth: 'none', tag: 'service', summary: 'Liveness', response: service.HealthResponseSchema }),
  readyz: endpoint({ operationId: 'readyz', method: 'get', path: '/readyz', auth: 'none', tag: 'service', summary: 'Redis reachable and scripts loaded (503 when not)', response: service.ReadyResponseSchema }),

  createSeller: endpoint({ operationId: 'createSeller', method: 'post', path: '/v1/admin/sellers', auth: 'admin', tag: 'admin', summary: 'Provision a seller and its first API key (shown once)', status: 201, body: admin.CreateSellerBodySchema, response: admin.CreateSellerResponseSchema }),
  listSellers: endpoint({ operationId: 'listSellers', method: 'get', path: '/v1/admin/sellers', auth: 'admin', tag: 'admin', summary: 'Every provisioned seller', response: admin.ListSellersResponseSchema }),
  createKey: endpoint({ operationId: 'createKey', method: 'post', path: '/v1/admin/sellers/:id/keys', auth: 'admin', tag: 'admin', summary: 'Another API key for a seller, under a label unique among its active keys', status: 201, params: admin.SellerParamsSchema, body: admin.CreateKeyBodySchema, response: admin.CreateKeyResponseSchema }),
  listKeys: endpoint({ operationId: 'listKeys', method: 'get', path: '/v1/admin/sellers/:id/keys', auth: 'admin', tag: 'admin', summary: "A seller's active keys (never the keys themselves)", params: admin.SellerParamsSchema, response: admin.ListKeysResponseSchema }),
  revokeKey: endpoint({ operationId: 'revokeKey', method: 'delete', path: '/v1/admin/keys/:keyId', auth: 'admin', tag: 'admin', summary: 'Revoke a key; it answers 401 from then on', params: admin.KeyParamsSchema, response: admin.RevokeKeyResponseSchema }),

  me: endpoint({ operationId: 'me', method: 'get', path: '/v1/me', auth: 'seller', tag: 'seller', summary: 'The seller and key behind the Bearer key (the connection test)', response: admin.MeResponseSchema }),
  getSettings: endpoint({ operationId: 'getSettings', method: 'get', path: '/v1/settings', auth: 'seller', tag: 'seller', summary: 'The seller settings document', response: settings.SettingsResponseSchema }),
  patchSettings: endpoint({ operationId: 'patchSettings', method: 'patch', path: '/v1/settings', auth: 'seller', tag: 'seller', summary: 'Validated partial update of the settings', body: settings.PatchSettingsBodySchema, response: settings.SettingsResponseSchema }),

  putSkus: endpoint({ operationId: 'putSkus', method: 'put', path: '/v1/skus', auth: 'seller', tag: 'catalog', summary: 'Create or update up to 1,000 SKUs; a result per item', body: catalog.PutSkusBodySchema, response: catalog.PutSkusResponseSchema }),
  listSkus: endpoint({ operationId: 'listSkus', method: 'get', path: '/v1/skus', auth: 'seller', tag: 'catalog', summary: 'SKUs in code order, paged', query: catalog.PageQuerySchema, response: catalog.ListSkusResponseSchema }),
  putListings: endpoint({ operationId: 'putListings', method: 'put', path: '/v1/listings', auth: 'seller', tag: 'catalog', summary: 'Map channel listings to SKU components; a result per item', body: catalog.PutListingsBodySchema, response: catalog.PutListingsResponseSchema }),
  listListings: endpoint({ operationId: 'listListings', method: 'get', path: '/v1/listings', auth: 'seller', tag: 'catalog', summary: 'Listings with their sellable quantity, paged', query: catalog.PageQuerySchema, response: catalog.ListListingsResponseSchema }),

  inventory: endpoint({ operationId: 'inventory', method: 'get', path: '/v1/inventory', auth: 'seller', tag: 'inventory', summary: 'Every SKU with its counters and every listing with its sellable quantity', response: inventory.InventoryResponseSchema }),
  adjust: endpoint({ operationId: 'adjust', method: 'post', path: '/v1/inventory/adjustments', auth: 'seller', tag: 'inventory', summary: 'Inbound, counts and safety buffers; stale `expected` values come back as conflicts', body: inventory.AdjustmentsBodySchema, response: inventory.AdjustmentsResponseSchema }),
  ledger: endpoint({ operationId: 'ledger', method: 'get', path: '/v1/ledger', auth: 'seller', tag: 'inventory', summary: 'Stock ledger entries, oldest first', query: inventory.LedgerQuerySchema, response: inventory.LedgerResponseSchema }),

  postOrders: endpoint({ operationId: 'postOrders', method: 'post', path: '/v1/orders', auth: 'seller', tag: 'orders', summary: 'Ingest orders, idempotent per line; a result per order', body: orders.PostOrdersBodySchema, fastBody: orders.acceptPostOrdersBody, response: orders.PostOrdersResponseSchema }),
  listOrders: endpoint({ operationId: 'listOrders', method: 'get', path: '/v1/orders', auth: 'seller', tag: 'orders', summary: 'Orders in the order they last changed; page with `cursor`, refresh with `updatedSince`', query: orders.ListOrdersQuerySchema, response: orders.ListOrdersResponseSchema }),
  getOrder: endpoint({ operationId: 'getOrder', method: 'get', path: '/v1/orders/:key', auth: 'seller', tag: 'orders', summary: 'One order by its URL-encoded key', params: orders.OrderKeyParamsSchema, response: orders.OrderResponseSchema }),
  holdOrder: endpoint({ operationId: 'holdOrder', method: 'post', path: '/v1/orders/:key/hold', auth: 'seller', tag: 'orders', summary: 'Hold by hand; any reservation is given back', params: orders.OrderKeyParamsSchema, body: orders.HoldBodySchema, response: orders.OrderResponseSchema }),
  releaseOrder: endpoint({ operationId: 'releaseOrder', method: 'post', path: '/v1/orders/:key/release', auth: 'seller', tag: 'orders', summary: 'Release a held order: it allocates if the stock fits, else stays held', params: orders.OrderKeyParamsSchema, body: orders.EmptyBodySchema, response: orders.OrderResponseSchema }),
  cancelOrder: endpoint({ operationId: 'cancelOrder', method: 'post', path: '/v1/orders/:key/cancel', auth: 'seller', tag: 'orders', summary: 'Cancel; any reservation is released and any waybill voided', params: orders.OrderKeyParamsSchema, body: orders.CancelBodySchema, response: orders.OrderResponseSchema }),

  listAlerts: endpoint({ operationId: 'listAlerts', method: 'get', path: '/v1/alerts', auth: 'seller', tag: 'alerts', summary: 'Open alerts', response: alerts.AlertsResponseSchema }),
  ackAlert: endpoint({ operationId: 'ackAlert', method: 'post', path: '/v1/alerts/:id/ack', auth: 'seller', tag: 'alerts', summary: 'Acknowledge an alert; it stays open until its condition clears', params: alerts.AlertParamsSchema, body: orders.EmptyBodySchema, response: alerts.AlertResponseSchema }),
  createChannelAccount: endpoint({ operationId: 'createChannelAccount', method: 'post', path: '/v1/channels', auth: 'seller', tag: 'channels', summary: 'Connect a channel account; credentials are stored encrypted and never shown again', status: 201, body: channels.CreateChannelAccountBodySchema, response: channels.ChannelAccountResponseSchema }),
  listChannelAccounts: endpoint({ operationId: 'listChannelAccounts', method: 'get', path: '/v1/channels', auth: 'seller', tag: 'channels', summary: "The seller's channel accounts (without credentials)", response: channels.ListChannelAccountsResponseSchema }),
  patchChannelAccount: endpoint({ operationId: 'patchChannelAccount', method: 'patch', path: '/v1/channels/:id', auth: 'seller', tag: 'channels', summary: 'Rename, re-point, replace credentials or change sync settings', params: channels.ChannelAccountParamsSchema, body: channels.PatchChannelAccountBodySchema, response: channels.ChannelAccountResponseSchema }),
  deleteChannelAccount: endpoint({ operationId: 'deleteChannelAccount', method: 'delete', path: '/v1/channels/:id', auth: 'seller', tag: 'channels', summary: 'Disconnect a channel account: polling and pushes stop; orders and listings stay', params: channels.ChannelAccountParamsSchema, response: channels.DeleteChannelAccountResponseSchema }),
  syncStatus: endpoint({ operationId: 'syncStatus', method: 'get', path: '/v1/sync/status', auth: 'seller', tag: 'channels', summary: 'Per channel account: last successful poll, lag, last error, pending outbox work', response: channels.SyncStatusResponseSchema }),

  issueWaybills: endpoint({ operationId: 'issueWaybills', method: 'post', path: '/v1/waybills', auth: 'seller', tag: 'shipping', summary: 'Issue (or attach typed) waybills per parcel, idempotently; a result per parcel', body: waybills.IssueWaybillsBodySchema, response: waybills.IssueWaybillsResponseSchema }),
  listWaybills: endpoint({ operationId: 'listWaybills', method: 'get', path: '/v1/waybills', auth: 'seller', tag: 'shipping', summary: "An order's waybills, voided ones included", query: waybills.ListWaybillsQuerySchema, response: waybills.ListWaybillsResponseSchema }),
  voidWaybill: endpoint({ operationId: 'voidWaybill', method: 'post', path: '/v1/waybills/:id/void', auth: 'seller', tag: 'shipping', summary: 'Void a waybill (cancelling its booking); its orders go back to ALLOCATED', params: waybills.WaybillParamsSchema, body: waybills.VoidWaybillBodySchema, response: waybills.WaybillResponseSchema }),
  putWaybillRange: endpoint({ operationId: 'putWaybillRange', method: 'put', path: '/v1/waybill-ranges/:carrier', auth: 'seller', tag: 'shipping', summary: "Register the carrier's contract number range (bodies without the check digit)", params: waybills.WaybillRangeParamsSchema, body: waybills.WaybillRangeBodySchema, response: waybills.WaybillRangeResponseSchema }),
  listWaybillRanges: endpoint({ operationId: 'listWaybillRanges', method: 'get', path: '/v1/waybill-ranges', auth: 'seller', tag: 'shipping', summary: 'Registered number ranges and what is left of them', response: waybills.ListWaybillRangesResponseSchema }),
  createLabels: endpoint({ operationId: 'createLabels', method: 'post', path: '/v1/labels', auth: 'seller', tag: 'shipping', summary: 'A short-lived signed URL to the labels PDF of these orders (one page per box)', body: waybills.LabelsBodySchema, response: waybills.LabelsResponseSchema }),
  labelsPdf: endpoint({ operationId: 'labelsPdf', method: 'get', path: '/v1/labels/:token', auth: 'none', tag: 'shipping', summary: 'The labels PDF behind a signed URL from POST /v1/labels (no Bearer header; the link expires)', produces: 'application/pdf', params: waybills.LabelPdfParamsSchema, response: waybills.LabelPdfResponseSchema }),
  scan: endpoint({ operationId: 'scan', method: 'post', path: '/v1/scans', auth: 'seller', tag: 'shipping', summary: 'Scan-to-ship a waybill barcode, or verify an item barcode against the open parcel', body: waybills.ScanBodySchema, response: waybills.ScanResponseSchema }),
  shipOrders: endpoint({ operationId: 'shipOrders', method: 'post', path: '/v1/shipments', auth: 'seller', tag: 'shipping', summary: 'Bulk ship WAYBILL_ISSUED orders; claims are refreshed first; a result per order', body: waybills.ShipmentsBodySchema, response: waybills.ShipmentsResponseSchema }),
  trackingUploaded: endpoint({ operationId: 'trackingUploaded', method: 'post', path: '/v1/orders/tracking-uploaded', auth: 'seller', tag: 'shipping', summary: 'File channels: the seller uploaded the exported tracking file, so tracking is accepted', body: waybills.TrackingUploadedBodySchema, response: waybills.TrackingUploadedResponseSchema }),
} satisfies Record<string, Endpoint>;

export type ApiEndpoints = typeof API;
