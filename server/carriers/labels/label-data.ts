import { z } from 'zod';
import { CarrierIdSchema, validateTrackingNumber } from '../../../shared/carriers';
import { ReceiverSchema } from '../../../shared/order';

/** What the carrier's address refinement returned (CJ ReqAddrRfnSm); every piece is optional, none is guessed. */
export const LabelSortSchema = z.strictObject({
  /** CJ CLSFCD, the destination sort code, e.g. 7K41. */
  code: z.string().trim().min(1).max(8).optional(),
  /** CJ SUBCLSFCD, e.g. 2c. */
  subCode: z.string().trim().min(1).max(6).optional(),
  /** CJ CLSFADDR, the 주소약칭 printed large for the driver. */
  shortAddress: z.string().trim().min(1).max(40).optional(),
  /** CJ CLLDLVBRANNM, the delivering branch (배달점소). */
  branch: z.string().trim().min(1).max(30).optional(),
  /** CJ CLLDLVEMPNICKNM, the driver's (SM) sort alias. */
  smAlias: z.string().trim().min(1).max(20).optional(),
});
export type LabelSort = z.infer<typeof LabelSortSchema>;

export const LabelSenderSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  phone: ReceiverSchema.shape.phone,
  zip: z.string().regex(/^[0-9]{5,6}$/, 'must be 5 or 6 digits').optional(),
  address1: z.string().trim().min(1).max(300),
  address2: z.string().max(300).optional(),
});

export const LabelItemSchema = z.strictObject({
  name: z.string().trim().min(1).max(300),
  option: z.string().trim().max(300).optional(),
  quantity: z.int().min(1).max(1_000_000),
});

export const LabelDataSchema = z
  .strictObject({
    carrier: CarrierIdSchema,
    /** Hyphens and spaces are allowed; the barcode carries the bare digits. */
    trackingNumber: z.string().min(1).max(40),
    /** This box is `index` of `count` boxes of the parcel ("1/2"). */
    package: z.strictObject({ index: z.int().min(1), count: z.int().min(1).max(999) }),
    sort: LabelSortSchema.optional(),
    /** In full: the renderer masks it per the seller's masking settings, so the full name and phone never reach the PDF. */
    receiver: ReceiverSchema,
    sender: LabelSenderSchema,
    items: z.array(LabelItemSchema).min(1, 'a box holds at least one item').max(500),
    message: z.string().max(500).optional(),
    /** How many times this waybill has been printed, this time included: 1 is the first print, more is a reprint (재출력 N). */
    printCount: z.int().min(1).max(9999),
    /** The day the waybill was issued (접수일), KST. */
    receiptDate: z.iso.date(),
    /** Settlement printed on the label (신용/선불/착불), when the contract says. */
    fare: z.enum(['credit', 'prepaid', 'collect']).optional(),
  })
  .superRefine((label, context) => {
    const check = validateTrackingNumber(label.carrier, label.trackingNumber);
    if (!check.ok) {
      const lengths = check.expectedLengths ? ` (${check.expectedLengths.join(' or ')} digits)` : '';
      context.addIssue({ code: 'custom', path: ['trackingNumber'], message: `is not a valid ${label.carrier} number: ${check.problem}${lengths}` });
    }
    if (label.package.index > label.package.count) {
      context.addIssue({ code: 'custom', path: ['package', 'index'], message: 'must not exceed package.count' });
    }
  });

/** The renderer's input, as callers build it. */
export type LabelData = z.input<typeof LabelDataSchema>;
export type ParsedLabel = z.output<typeof LabelDataSchema>;

export const MAX_LABELS_PER_BATCH = 5000;

/** Bad renderer input, naming the label and the field (`labels[3].receiver.phone`). Nothing is rendered. */
export class LabelInputError extends Error {
  readonly code = 'LABEL_INPUT';
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field} ${problem}`);
    this.name = 'LabelInputError';
  }
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}.${String(key)}`), 'labels');
}

export function parseLabels(labels: readonly unknown[]): ParsedLabel[] {
  if (labels.length === 0) throw new LabelInputError('labels', 'must hold at least one label');
  if (labels.length > MAX_LABELS_PER_BATCH) throw new LabelInputError('labels', `must hold at most ${MAX_LABELS_PER_BATCH} labels`);
  const parsed = z.array(LabelDataSchema).safeParse(labels);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new LabelInputError(issue ? fieldPath(issue.path) : 'labels', issue?.message ?? 'is invalid');
}
