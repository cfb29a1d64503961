import { z } from 'zod';

/**
 * What the client reads from the Naver Commerce API, parsed once at the boundary. Written from the field
 * lists and sample shapes of channels.md §1.1–1.8; objects are not strict, because Naver adds fields over
 * time and an unknown field must never stop order polling. Naver sends ids as strings in pay-order APIs and
 * as numbers in product APIs, so ids accept both and come out as strings.
 */

export const WireIdSchema = z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String);
const optionalText = z.string().nullish();

export const GatewayErrorSchema = z.object({
  code: z.string().optional(),
  message: z.string().optional(),
  invalidInputs: z.array(z.object({ name: z.string().optional(), type: z.string().optional(), message: z.string().optional() })).nullish(),
  traceId: z.string().optional(),
});
export type GatewayError = z.infer<typeof GatewayErrorSchema>;

export const TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
  token_type: z.string().optional(),
});

export const LastChangedStatusSchema = z.object({
  orderId: WireIdSchema,
  productOrderId: WireIdSchema,
  lastChangedType: z.string().min(1),
  lastChangedDate: z.string().min(1),
  paymentDate: optionalText,
  productOrderStatus: optionalText,
  claimType: optionalText,
  claimStatus: optionalText,
  receiverAddressChanged: z.boolean().nullish(),
});
export type LastChangedStatus = z.infer<typeof LastChangedStatusSchema>;

export const LastChangedResponseSchema = z.object({
  timestamp: z.string().optional(),
  data: z
    .object({
      count: z.number().int().optional(),
      lastChangeStatuses: z.array(LastChangedStatusSchema).nullish(),
      more: z.object({ moreFrom: z.string().min(1), moreSequence: z.string().min(1) }).nullish(),
    })
    .nullish(),
});
export type LastChangedResponse = z.infer<typeof LastChangedResponseSchema>;

/** The details response is parsed entry by entry (see ProductOrderDetailSchema), so one odd order cannot block the rest. */
export const ProductOrdersResponseSchema = z.object({ timestamp: z.string().optional(), data: z.array(z.unknown()).nullish() });

const AddressSchema = z.object({
  name: optionalText,
  tel1: optionalText,
  tel2: optionalText,
  baseAddress: optionalText,
  detailedAddress: optionalText,
  zipCode: optionalText,
});

const ClaimDetailSchema = z.object({
  claimStatus: optionalText,
  requestQuantity: z.number().int().nullish(),
  claimRequestDate: optionalText,
  cancelReason: optionalText,
  returnReason: optionalText,
  exchangeReason: optionalText,
});
export type ClaimDetail = z.infer<typeof ClaimDetailSchema>;

export const ProductOrderDetailSchema = z.object({
  order: z.object({
    orderId: WireIdSchema,
    orderDate: optionalText,
    paymentDate: optionalText,
    ordererName: optionalText,
  }),
  productOrder: z.object({
    productOrderId: WireIdSchema,
    productOrderStatus: z.string().min(1),
    placeOrderStatus: optionalText,
    productId: WireIdSchema.nullish(),
    originalProductId: WireIdSchema.nullish(),
    optionCode: WireIdSchema.nullish(),
    optionManageCode: optionalText,
    sellerProductCode: optionalText,
    productName: optionalText,
    productOption: optionalText,
    quantity: z.number().int().nonnegative(),
    initialQuantity: z.number().int().nullish(),
    remainQuantity: z.number().int().nullish(),
    shippingDueDate: optionalText,
    shippingMemo: optionalText,
    shippingAddress: AddressSchema.nullish(),
    claimType: optionalText,
    claimStatus: optionalText,
  }),
  delivery: z
    .object({ deliveryCompany: optionalText, trackingNumber: optionalText, deliveryMethod: optionalText, sendDate: optionalText })
    .nullish(),
  cancel: ClaimDetailSchema.nullish(),
  return: ClaimDetailSchema.nullish(),
  exchange: ClaimDetailSchema.nullish(),
});
export type ProductOrderDetail = z.infer<typeof ProductOrderDetailSchema>;

const FailInfoSchema = z.object({ productOrderId: WireIdSchema, code: optionalText, message: optionalText });
export type FailInfo = z.infer<typeof FailInfoSchema>;

export const ConfirmResponseSchema = z.object({
  data: z.object({
    successProductOrderInfos: z.array(z.object({ productOrderId: WireIdSchema, isReceiverAddressChanged: z.boolean().nullish() })).nullish(),
    failProductOrderInfos: z.array(FailInfoSchema).nullish(),
  }),
});
export type ConfirmResponse = z.infer<typeof ConfirmResponseSchema>;

export const DispatchResponseSchema = z.object({
  data: z.object({
    successProductOrderIds: z.array(WireIdSchema).nullish(),
    failProductOrderInfos: z.array(FailInfoSchema).nullish(),
  }),
});
export type DispatchResponse = z.infer<typeof DispatchResponseSchema>;

const OptionRowSchema = z.object({
  id: WireIdSchema,
  stockQuantity: z.number().int().nullish(),
  price: z.number().nullish(),
  usable: z.boolean().nullish(),
  sellerManagerCode: optionalText,
});
export type OptionRow = z.infer<typeof OptionRowSchema>;

export const OriginProductResponseSchema = z.object({
  originProduct: z.object({
    stockQuantity: z.number().int().nullish(),
    detailAttribute: z
      .object({
        optionInfo: z
          .object({
            optionCombinations: z.array(OptionRowSchema).nullish(),
            optionStandards: z.array(OptionRowSchema).nullish(),
            useStockManagement: z.boolean().nullish(),
          })
          .nullish(),
      })
      .nullish(),
  }),
});
export type OriginProductResponse = z.infer<typeof OriginProductResponseSchema>;

// Requests the client sends (channels.md §1.3–1.5). Types only: the client builds them, the sandbox checks them.
export interface DispatchItem {
  productOrderId: string;
  deliveryMethod: 'DELIVERY';
  deliveryCompanyCode: string;
  trackingNumber: string;
  dispatchDate: string;
}

export interface OptionStockRow {
  id: number | string;
  stockQuantity: number;
  price?: number;
  usable?: boolean;
}

export interface OptionStockRequest {
  optionInfo: {
    optionCombinations?: OptionStockRow[];
    optionStandards?: OptionStockRow[];
    useStockManagement: boolean;
  };
}

export interface MultiUpdateItem {
  originProductNo: number | string;
  multiUpdateTypes: ['STOCK'];
  stockQuantity: number;
}
