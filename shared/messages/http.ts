import type { MessageTable } from './types';

/** Errors of the HTTP API beyond the core ones, and the store refusals it passes on. */
export const httpMessages = {
  'error.INVALID_JSON': { ko: '요청 본문이 올바른 JSON이 아닙니다', en: 'The request body is not valid JSON' },
  'error.UNSUPPORTED_MEDIA_TYPE': { ko: '요청 본문은 application/json 이어야 합니다', en: 'The request body must be application/json' },
  'error.METHOD_NOT_ALLOWED': { ko: '{path}에는 {method} 요청을 쓸 수 없습니다', en: '{method} is not allowed on {path}' },
  'error.ROUTE_NOT_FOUND': { ko: '없는 주소입니다: {method} {path}', en: 'No such route: {method} {path}' },
  'error.ORDER_NOT_FOUND': { ko: '주문을 찾을 수 없습니다: {key}', en: 'Order not found: {key}' },
  'error.ALERT_NOT_FOUND': { ko: '알림을 찾을 수 없습니다: {id}', en: 'Alert not found: {id}' },
  'error.SELLER_NOT_FOUND': { ko: '판매자를 찾을 수 없습니다: {id}', en: 'Seller not found: {id}' },
  'error.KEY_NOT_FOUND': { ko: 'API 키를 찾을 수 없습니다: {keyId}', en: 'API key not found: {keyId}' },
  'error.LABEL_TAKEN': { ko: '이미 쓰고 있는 키 이름입니다: {label}', en: 'An active key already has the label {label}' },
  'error.DUPLICATE_BARCODE': { ko: '바코드가 이미 다른 SKU에 등록되어 있습니다: {owner}', en: 'The barcode already belongs to SKU {owner}' },
  'error.CANCEL_REQUESTED': { ko: '취소 요청이 있는 주문입니다: {key}', en: 'The order has an open cancel request: {key}' },
  'error.NOT_PACKED': { ko: '상품 검수가 끝나지 않은 주문입니다: {key}', en: 'The order was not verified by scan: {key}' },
  'error.ADMIN_ONLY': { ko: '관리자 키가 필요합니다', en: 'This route needs the admin key' },
  'error.NOT_READY': { ko: '서버가 아직 준비되지 않았습니다', en: 'The server is not ready' },
  'error.REFUSED': { ko: '처리할 수 없는 요청입니다: {code}', en: 'The request was refused: {code}' },
} satisfies MessageTable;
