export { createCjClient, type CjClient, type CjClientOptions } from './client';
export {
  buildBooking,
  cancellationOf,
  cjCustUseNo,
  cjMpckKey,
  CjBookingSchema,
  type CjBooking,
  type CjBookingInput,
  type CjGoodsInput,
  type CjParty,
} from './booking';
export { CjError, isCjError, type CjErrorKind } from './errors';
export { splitKoreanPhone, type PhoneParts } from './phone';
export { CJ_BOX_TYPES, CJ_ENDPOINTS, CJ_FREIGHT, CJ_HOSTS, CJ_PRINT_STATES, type CjBoxType, type CjFreight, type CjPrintState } from './spec';
export type { CjTokenStore } from './token';
export { DEFAULT_CANCEL_PATTERNS, type CjBookOutcome, type CjCancelOutcome, type CjCancelPatterns, type CjRefineOutcome, type CjSortCodes, type CjToken } from './wire';
export { startCjSandbox, type CjSandbox, type CjSandboxOptions } from './sandbox';
