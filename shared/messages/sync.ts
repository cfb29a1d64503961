import type { MessageTable } from './types';

/**
 * Channel accounts, the sync workers and the alerts they raise. Placeholders are the alerts' detail fields and
 * `subject`. CHANNEL_ERROR keeps the sheet's generic rendering (its type and facts: kind, message).
 */
export const syncMessages = {
  'error.CHANNEL_ACCOUNT_NOT_FOUND': { ko: '채널 계정을 찾을 수 없습니다: {id}', en: 'Channel account not found: {id}' },
  'error.CLAIM_CHECK_FAILED': {
    ko: '채널에서 취소·반품 여부를 확인하지 못해 출고를 멈췄습니다 ({accounts}): {message}',
    en: 'Shipping stopped: the cancel and return state could not be read from the channel ({accounts}): {message}',
  },
  'alert.SYNC_ERROR': { ko: '{subject} 동기화 오류: {message}', en: 'Sync problem on {subject}: {message}' },
  'alert.STOCK_PUSH_FAILED': {
    ko: '{listing} 재고 {quantity}개 전송 실패: {message}',
    en: 'Could not push stock {quantity} to {listing}: {message}',
  },
  'alert.TRACKING_MISSING': {
    ko: '송장 누락: {orderKey} 송장번호가 채널에 등록되지 않았습니다: {message}',
    en: 'Tracking missing: {orderKey} is not registered on the channel: {message}',
  },
  'alert.CANCEL_REQUESTED': { ko: '취소 요청: {orderKey} (출고 보류)', en: 'Cancel requested: {orderKey} (shipping blocked)' },
  'alert.CANCEL_AFTER_SHIPMENT': {
    ko: '출고 후 취소 요청: {orderKey} — 택배를 회수하거나 취소를 거부하세요',
    en: 'Cancel requested after shipment: {orderKey}; intercept the parcel or reject the cancel',
  },
} satisfies MessageTable;
