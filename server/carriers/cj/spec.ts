/**
 * Wire facts of CJ대한통운's 택배 표준 API (DX API). Source: ../shared/reference/carriers.md §2.2, which summarises
 * CJ Developer Guide V3.9.4 second-hand ([V2]); tags below say how sure each fact is. Anything not pinned down
 * there is an option of the client or the sandbox, never a constant here.
 */

/** [V2] Hosts. The path layout below them is not in our reference; both public summaries call `/<Endpoint>` at the root. */
export const CJ_HOSTS = {
  dev: 'https://dxapi-dev.cjlogistics.com:5054',
  prod: 'https://dxapi.cjlogistics.com:5052',
} as const;

/** [V2] Endpoint names, used as path segments after an optional configurable prefix. */
export const CJ_ENDPOINTS = {
  token: 'ReqOneDayToken',
  refine: 'ReqAddrRfnSm',
  invoice: 'ReqInvcNo',
  book: 'RegBook',
  cancel: 'CnclBook',
} as const;
export type CjEndpoint = (typeof CJ_ENDPOINTS)[keyof typeof CJ_ENDPOINTS];

/** [V2] Every business call carries the token here and as TOKEN_NUM in the body; the token call itself omits it. */
export const CJ_API_KEY_HEADER = 'CJ-Gateway-APIKey';

/** [V2] A token lives 24 h. */
export const CJ_TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * Token requests faster than this get the customer blocked for a while. carriers.md says "more than 2 per
 * second"; the guide summary it cites says "more than 1 per second", so the client's default spacing obeys the
 * stricter one.
 */
export const CJ_TOKEN_BURST_INTERVAL_MS = 500;
export const CJ_TOKEN_SAFE_SPACING_MS = 1_100;

/** [V2] Field limits (VARCHAR2 sizes in the guide summary). Whether Oracle counts bytes or characters here is unknown [?]. */
export const CJ_LIMITS = {
  CUST_ID: 20,
  BIZ_REG_NUM: 10,
  TOKEN_NUM: 40,
  ADDRESS: 100,
  CUST_USE_NO: 50,
  MPCK_KEY: 100,
  INVC_NO: 20,
  REMARK: 1000,
  ARTICLE_AMT_DIGITS: 15,
} as const;

/** [V2] Address-refinement result codes; they arrive in RESULT_CD (or, defensively, in RESULT_DETAIL). */
export const CJ_REFINE_CODES = {
  badParameter: '-20000',
  unknownCustomer: '-20001',
  unparseable: '-20002',
  noDeliveryArea: '-20003',
  branchClosed: '-20004',
  noDriver: '-20005',
  noHubCode: '-20006',
  noSortAddress: '-20007',
  contractExpired: '-20008',
  undeliverable: '-20009',
  delayProne: '-20010',
} as const;

/** [V2] RegBook codes. */
export const CJ_FREIGHT = { prepaid: '01', cod: '02', credit: '03' } as const;
export type CjFreight = keyof typeof CJ_FREIGHT;

export const CJ_BOX_TYPES = { extraSmall: '01', small: '02', medium: '03', large1: '04', irregular: '05', restricted: '06', large2: '07' } as const;
export type CjBoxType = keyof typeof CJ_BOX_TYPES;

/** PRT_ST: 01 not printed (CJ prints at pickup), 02 printed by the customer, 03 number pre-issued. */
export const CJ_PRINT_STATES = { notPrinted: '01', printed: '02', numberPreissued: '03' } as const;
export type CjPrintState = keyof typeof CJ_PRINT_STATES;

export const CJ_REQ_DV = { request: '01', cancel: '02' } as const;
/** RCPT_DV 01 normal, 02 return. The client books outbound parcels only. */
export const CJ_RCPT_DV = { normal: '01', return: '02' } as const;

/** The Oracle unique-constraint error CJ echoes for a second row with the same composite key [V2: sample failure]. */
export const CJ_DUPLICATE_KEY_MARKER = 'ORA-00001';
