/**
 * The columns Sheetship reads from the 오로라 order export, with the header names each may carry. From
 * ../shared/reference/channels.md §4: one public integration that parses the export [C]; Ohouse has not
 * confirmed them, so the seller can edit every list in the 설정 sheet. No default names the listing id
 * column (no source shows one): the seller code, or the product name and option, stand in for it.
 */
export const OHOUSE_FIELDS = [
  { id: 'orderId', aliases: ['주문번호', '주문ID', '주문상세번호'], required: true },
  { id: 'lineId', aliases: ['주문상품번호', '주문상세번호', '상품주문번호'], required: false },
  { id: 'listingId', aliases: [], required: false },
  { id: 'sellerCode', aliases: ['판매자상품코드', '상품코드', '옵션코드'], required: false },
  { id: 'productName', aliases: ['상품명'], required: true },
  { id: 'optionName', aliases: ['옵션', '옵션명'], required: false },
  { id: 'quantity', aliases: ['수량', '구매수량', '주문수량'], required: true },
  { id: 'receiver', aliases: ['수취인', '수령인', '받는분'], required: true },
  { id: 'phone', aliases: ['수취인연락처', '수령인연락처', '휴대폰'], required: true },
  { id: 'zip', aliases: ['우편번호'], required: false },
  { id: 'address1', aliases: ['주소', '배송지주소'], required: true },
  { id: 'address2', aliases: ['상세주소'], required: false },
  { id: 'message', aliases: ['배송메시지', '배송메세지'], required: false },
  { id: 'orderedAt', aliases: ['주문일시', '결제일시'], required: false },
] as const;

export type OhouseField = (typeof OHOUSE_FIELDS)[number]['id'];
export type AliasTable = Readonly<Record<OhouseField, readonly string[]>>;

export const DEFAULT_ALIASES: AliasTable = Object.fromEntries(OHOUSE_FIELDS.map((field) => [field.id, field.aliases])) as unknown as AliasTable;

const BRACKETS = /[()[\]{}<>（）［］｛｝〈〉《》「」『』【】〔〕]/g;
const BRACKETED = /[([{<（［｛〈《「『【〔][^)\]}>）］｝〉》」』】〕]*[)\]}>）］｝〉》」』】〕]/g;

/**
 * The forms a header is compared in: spaces dropped and brackets ignored, both as characters ("수량(개)" as
 * "수량개") and with what they enclose ("[필수] 주문번호" as "주문번호").
 */
export function headerForms(text: string): string[] {
  const squashed = text.replace(/\s+/g, '').toLowerCase();
  return [...new Set([squashed.replace(BRACKETS, ''), squashed.replace(BRACKETED, '').replace(BRACKETS, '')])].filter((form) => form !== '');
}

/**
 * Which column holds each field, in one header row: fields in the order above, each taking the first of its
 * names found in a column no earlier field took. Null when the row lacks an order number or a product name.
 */
export function matchHeaders(header: readonly string[], aliases: AliasTable): Partial<Record<OhouseField, number>> | null {
  const forms = header.map(headerForms);
  const used = new Set<number>();
  const columns: Partial<Record<OhouseField, number>> = {};
  for (const field of OHOUSE_FIELDS) {
    for (const alias of aliases[field.id]) {
      const wanted = headerForms(alias);
      const index = forms.findIndex((candidates, column) => !used.has(column) && candidates.some((form) => wanted.includes(form)));
      if (index < 0) continue;
      columns[field.id] = index;
      used.add(index);
      break;
    }
  }
  return columns.orderId !== undefined && columns.productName !== undefined ? columns : null;
}
