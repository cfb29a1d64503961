import type { SandboxAccount } from './account';
import type { OptionStockOmission } from './catalog';
import type { Endpoint } from './faults';
import { InvalidInputs, isRecord } from './inputs';
import { DELIVERY_METHODS, type DispatchRequestItem } from './orders';
import { kst, renderChange, renderProduct, renderProductOrder } from './render';

/**
 * The sandbox's API routes, on Naver's paths under the base URL (channels.md §1.2–1.5). Each handler gets an
 * authenticated account and answers with Naver's envelope; shape errors are 400 + invalidInputs.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const LAST_CHANGED_TYPES = new Set([
  'PAY_WAITING',
  'PAYED',
  'EXCHANGE_OPTION',
  'DELIVERY_ADDRESS_CHANGED',
  'GIFT_RECEIVED',
  'CLAIM_REJECTED',
  'DISPATCHED',
  'CLAIM_REQUESTED',
  'COLLECT_DONE',
  'CLAIM_COMPLETED',
  'PURCHASE_DECIDED',
  'HOPE_DELIVERY_INFO_CHANGED',
  'CLAIM_REDELIVERING',
]);

export interface Reply {
  status: number;
  body: unknown;
}

export interface RouteContext {
  account: SandboxAccount;
  query: URLSearchParams;
  body: unknown;
  params: string[];
  now: number;
  traceId: string;
  optionStockOmission: OptionStockOmission;
}

export interface Route {
  endpoint: Endpoint;
  method: string;
  pattern: RegExp;
  handle(context: RouteContext): Reply;
}

export function errorBody(code: string, message: string, now: number, traceId: string, invalidInputs?: { name: string; type: string; message: string }[]) {
  return { code, message, timestamp: kst(now), traceId, ...(invalidInputs && invalidInputs.length > 0 ? { invalidInputs } : {}) };
}

function badRequest(context: RouteContext, inputs: InvalidInputs): Reply {
  return { status: 400, body: errorBody('BadRequest', '요청 파라미터가 유효하지 않습니다.', context.now, context.traceId, inputs.list) };
}

function ok(context: RouteContext, data: unknown): Reply {
  return { status: 200, body: { timestamp: kst(context.now), traceId: context.traceId, data } };
}

function lastChangedStatuses(context: RouteContext): Reply {
  const inputs = new InvalidInputs();
  const { query } = context;
  const from = inputs.dateTime(query.get('lastChangedFrom'), 'lastChangedFrom');
  const to = query.has('lastChangedTo') ? inputs.dateTime(query.get('lastChangedTo'), 'lastChangedTo') : from === null ? null : from + DAY_MS;
  const limit = query.has('limitCount') ? inputs.integer(Number(query.get('limitCount')), 'limitCount', 1, 300) : 300;
  const type = query.get('lastChangedType') ?? undefined;
  if (type !== undefined && !LAST_CHANGED_TYPES.has(type)) inputs.add('lastChangedType', 'Enum', `알 수 없는 값입니다. (${type})`);
  if (from !== null && to !== null) {
    if (to < from) inputs.add('lastChangedTo', 'Range', 'lastChangedFrom 보다 이전일 수 없습니다.');
    else if (to - from > DAY_MS) inputs.add('lastChangedTo', 'Range', '조회 기간은 24시간을 넘을 수 없습니다.');
  }
  if (!inputs.ok || from === null || to === null || limit === null) return badRequest(context, inputs);
  const moreSequence = query.get('moreSequence') ?? undefined;
  const { rows, next } = context.account.book.feed({ from, to, limit, ...(type ? { type } : {}), ...(moreSequence ? { moreFrom: from, moreSequence } : {}) });
  return ok(context, {
    count: rows.length,
    lastChangeStatuses: rows.map(renderChange),
    ...(next ? { more: { moreFrom: kst(next.at), moreSequence: next.productOrderId } } : {}),
  });
}

function productOrdersQuery(context: RouteContext): Reply {
  const inputs = new InvalidInputs();
  const body = isRecord(context.body) ? context.body : {};
  const ids = inputs.array(body.productOrderIds, 'productOrderIds', 300);
  ids?.forEach((id, index) => inputs.string(id, `productOrderIds[${index}]`));
  if (body.quantityClaimCompatibility !== undefined && typeof body.quantityClaimCompatibility !== 'boolean') inputs.add('quantityClaimCompatibility', 'Boolean', 'true 또는 false 여야 합니다.');
  if (!inputs.ok || !ids) return badRequest(context, inputs);
  const { book } = context.account;
  const data = [...new Set(ids as string[])].flatMap((id) => {
    const line = book.lines.get(id);
    return line ? [renderProductOrder(book.order(line.orderId), line, body.quantityClaimCompatibility === true)] : [];
  });
  return ok(context, data);
}

function confirm(context: RouteContext): Reply {
  const inputs = new InvalidInputs();
  const body = isRecord(context.body) ? context.body : {};
  const ids = inputs.array(body.productOrderIds, 'productOrderIds', 30);
  ids?.forEach((id, index) => inputs.string(id, `productOrderIds[${index}]`));
  if (!inputs.ok || !ids) return badRequest(context, inputs);
  const success: { productOrderId: string; isReceiverAddressChanged: boolean }[] = [];
  const fail: { productOrderId: string; code: string; message: string }[] = [];
  for (const id of ids as string[]) {
    const result = context.account.book.confirm(id);
    if (result.ok) success.push({ productOrderId: id, isReceiverAddressChanged: result.receiverAddressChanged === true });
    else fail.push({ productOrderId: id, code: result.code, message: result.message });
  }
  return ok(context, { successProductOrderInfos: success, failProductOrderInfos: fail });
}

function dispatch(context: RouteContext): Reply {
  const inputs = new InvalidInputs();
  const body = isRecord(context.body) ? context.body : {};
  const rawItems = inputs.array(body.dispatchProductOrders, 'dispatchProductOrders', 30) ?? [];
  const items: DispatchRequestItem[] = [];
  rawItems.forEach((raw, index) => {
    const name = `dispatchProductOrders[${index}]`;
    const item = isRecord(raw) ? raw : {};
    const productOrderId = inputs.string(item.productOrderId, `${name}.productOrderId`);
    const deliveryMethod = inputs.string(item.deliveryMethod, `${name}.deliveryMethod`);
    if (deliveryMethod !== null && !DELIVERY_METHODS.has(deliveryMethod)) inputs.add(`${name}.deliveryMethod`, 'Enum', `알 수 없는 배송 방법입니다. (${deliveryMethod})`);
    const dispatchDate = inputs.dateTime(item.dispatchDate, `${name}.dispatchDate`);
    for (const field of ['deliveryCompanyCode', 'trackingNumber'] as const) {
      if (item[field] !== undefined && item[field] !== null && typeof item[field] !== 'string') inputs.add(`${name}.${field}`, 'String', '문자열이어야 합니다.');
    }
    if (productOrderId === null || deliveryMethod === null || dispatchDate === null) return;
    items.push({
      productOrderId,
      deliveryMethod,
      dispatchDate,
      ...(typeof item.deliveryCompanyCode === 'string' ? { deliveryCompanyCode: item.deliveryCompanyCode } : {}),
      ...(typeof item.trackingNumber === 'string' ? { trackingNumber: item.trackingNumber } : {}),
    });
  });
  if (!inputs.ok) return badRequest(context, inputs);
  const success: string[] = [];
  const fail: { productOrderId: string; code: string; message: string }[] = [];
  for (const item of items) {
    const result = context.account.book.dispatch(item);
    context.account.dispatchLog.push({
      productOrderId: item.productOrderId,
      trackingNumber: item.trackingNumber ?? '',
      deliveryCompanyCode: item.deliveryCompanyCode ?? '',
      result: result.ok ? 'applied' : result.code,
    });
    if (result.ok) success.push(item.productOrderId);
    else fail.push({ productOrderId: item.productOrderId, code: result.code, message: result.message });
  }
  return ok(context, { successProductOrderIds: success, failProductOrderInfos: fail });
}

function notFound(context: RouteContext, what: string): Reply {
  return { status: 404, body: errorBody('NOT_FOUND', `${what} 을(를) 찾을 수 없습니다.`, context.now, context.traceId) };
}

function originProduct(context: RouteContext): Reply {
  const product = context.account.catalog.products.get(context.params[0] ?? '');
  if (!product) return notFound(context, `원상품 ${context.params[0]}`);
  return { status: 200, body: renderProduct(product) };
}

function optionStock(context: RouteContext): Reply {
  const product = context.account.catalog.products.get(context.params[0] ?? '');
  if (!product) return notFound(context, `원상품 ${context.params[0]}`);
  const inputs = new InvalidInputs();
  const body = isRecord(context.body) ? context.body : {};
  const info = isRecord(body.optionInfo) ? body.optionInfo : null;
  if (!info) inputs.add('optionInfo', 'NotNull', '필수 값입니다.');
  if (!product.options) inputs.add('optionInfo', 'Invalid', '옵션이 없는 상품입니다. 상품 재고는 multi-update 로 수정하세요.');
  if (info && info.optionStandards !== undefined) inputs.add('optionInfo.optionStandards', 'Invalid', '조합형 옵션 상품입니다.');
  if (info && typeof info.useStockManagement !== 'boolean') inputs.add('optionInfo.useStockManagement', 'NotNull', '필수 값입니다.');
  const rows: { id: string; stockQuantity: number; price?: number; usable?: boolean }[] = [];
  const rawRows = info ? (inputs.array(info.optionCombinations, 'optionInfo.optionCombinations', 10_000) ?? []) : [];
  const known = new Set(product.options?.map((option) => option.id) ?? []);
  rawRows.forEach((raw, index) => {
    const name = `optionInfo.optionCombinations[${index}]`;
    const row = isRecord(raw) ? raw : {};
    const id = inputs.id(row.id, `${name}.id`);
    if (id !== null && !known.has(id)) inputs.add(`${name}.id`, 'Invalid', `상품에 없는 옵션입니다. (${id})`);
    if (id !== null && rows.some((other) => other.id === id)) inputs.add(`${name}.id`, 'Duplicate', `옵션이 두 번 있습니다. (${id})`);
    const stockQuantity = inputs.integer(row.stockQuantity, `${name}.stockQuantity`, 0, 99_999_999);
    if (row.price !== undefined && typeof row.price !== 'number') inputs.add(`${name}.price`, 'Number', '숫자여야 합니다.');
    if (row.usable !== undefined && typeof row.usable !== 'boolean') inputs.add(`${name}.usable`, 'Boolean', 'true 또는 false 여야 합니다.');
    if (id === null || stockQuantity === null) return;
    rows.push({ id, stockQuantity, ...(typeof row.price === 'number' ? { price: row.price } : {}), ...(typeof row.usable === 'boolean' ? { usable: row.usable } : {}) });
  });
  if (!inputs.ok) return badRequest(context, inputs);
  context.account.catalog.applyOptionStock(product, rows, context.optionStockOmission);
  return { status: 200, body: { originProductNo: Number(product.originProductNo), smartstoreChannelProductNo: Number(product.channelProductNo) } };
}

function multiUpdate(context: RouteContext): Reply {
  const inputs = new InvalidInputs();
  const body = isRecord(context.body) ? context.body : {};
  const rawItems = inputs.array(body.multiProductUpdateRequestVos, 'multiProductUpdateRequestVos', 500) ?? [];
  const updates: { originProductNo: string; stockQuantity: number }[] = [];
  rawItems.forEach((raw, index) => {
    const name = `multiProductUpdateRequestVos[${index}]`;
    const item = isRecord(raw) ? raw : {};
    const originProductNo = inputs.id(item.originProductNo, `${name}.originProductNo`);
    const product = originProductNo === null ? undefined : context.account.catalog.products.get(originProductNo);
    if (originProductNo !== null && !product) inputs.add(`${name}.originProductNo`, 'Invalid', `없는 상품입니다. (${originProductNo})`);
    const types = Array.isArray(item.multiUpdateTypes) ? item.multiUpdateTypes : null;
    if (!types || types.length === 0) inputs.add(`${name}.multiUpdateTypes`, 'NotEmpty', '필수 값입니다.');
    if (!types?.includes('STOCK')) return;
    if (product?.options) inputs.add(`${name}.multiUpdateTypes`, 'Invalid', '옵션 상품의 재고는 option-stock 으로 수정하세요.');
    const stockQuantity = inputs.integer(item.stockQuantity, `${name}.stockQuantity`, 0, 99_999_999);
    if (originProductNo !== null && stockQuantity !== null) updates.push({ originProductNo, stockQuantity });
  });
  if (!inputs.ok) return badRequest(context, inputs);
  for (const update of updates) context.account.catalog.setStock(update.originProductNo, null, update.stockQuantity);
  return { status: 200, body: {} };
}

export const ROUTES: Route[] = [
  { endpoint: 'last-changed-statuses', method: 'GET', pattern: /^\/v1\/pay-order\/seller\/product-orders\/last-changed-statuses$/, handle: lastChangedStatuses },
  { endpoint: 'product-orders/query', method: 'POST', pattern: /^\/v1\/pay-order\/seller\/product-orders\/query$/, handle: productOrdersQuery },
  { endpoint: 'product-orders/confirm', method: 'POST', pattern: /^\/v1\/pay-order\/seller\/product-orders\/confirm$/, handle: confirm },
  { endpoint: 'product-orders/dispatch', method: 'POST', pattern: /^\/v1\/pay-order\/seller\/product-orders\/dispatch$/, handle: dispatch },
  { endpoint: 'origin-products/get', method: 'GET', pattern: /^\/v2\/products\/origin-products\/(\d+)$/, handle: originProduct },
  { endpoint: 'origin-products/option-stock', method: 'PUT', pattern: /^\/v1\/products\/origin-products\/(\d+)\/option-stock$/, handle: optionStock },
  { endpoint: 'origin-products/multi-update', method: 'PATCH', pattern: /^\/v1\/products\/origin-products\/multi-update$/, handle: multiUpdate },
];
