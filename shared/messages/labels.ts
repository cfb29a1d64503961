import type { MessageTable } from './types';

/** Captions printed on shipping labels, and the renderer's input errors. */
export const labelMessages = {
  'label.trackingNumber': { ko: '운송장번호', en: 'Tracking No.' },
  'label.receiptDate': { ko: '접수일', en: 'Received' },
  'label.reprint': { ko: '재출력 {count}', en: 'Reprint {count}' },
  'label.receiver': { ko: '받는분', en: 'To' },
  'label.sender': { ko: '보내는분', en: 'From' },
  'label.items': { ko: '상품', en: 'Items' },
  'label.quantity': { ko: '{count}개', en: 'x{count}' },
  'label.moreItems': { ko: '외 {count}건', en: '+{count} more' },
  'label.totalQuantity': { ko: '총 {count}개', en: '{count} pcs' },
  'label.message': { ko: '배송메시지', en: 'Note' },
  'label.fare.credit': { ko: '신용', en: 'Credit' },
  'label.fare.prepaid': { ko: '선불', en: 'Prepaid' },
  'label.fare.collect': { ko: '착불', en: 'Collect' },
  'error.LABEL_INPUT': { ko: '송장 출력 정보가 올바르지 않습니다: {field} {problem}', en: 'Invalid label data: {field} {problem}' },
} satisfies MessageTable;
