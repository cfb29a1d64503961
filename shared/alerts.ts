import { z } from 'zod';

/**
 * Alerts are derived conditions. Each has a deterministic id (type plus subject), so the code that
 * raises one also closes it when its condition clears, and raising twice updates one alert.
 */
export const ALERT_TYPES = [
  'HELD_ORDER',
  'UNMAPPED_LISTING',
  'SHORTAGE',
  'CANCEL_REQUESTED',
  'CANCEL_AFTER_SHIPMENT',
  'TRACKING_MISSING',
  'CUTOFF_RISK',
  'DEADLINE_RISK',
  'CHANNEL_ERROR',
  'STOCK_PUSH_FAILED',
  'RANGE_LOW',
  'UNSHIPPED_WAYBILLS',
  'UNDELIVERABLE_ADDRESS',
  'ADDRESS_CHANGED_AFTER_PRINT',
  'SYNC_ERROR',
  'WAYBILL_VOID_FAILED',
] as const;
export const AlertTypeSchema = z.enum(ALERT_TYPES);
export type AlertType = z.infer<typeof AlertTypeSchema>;

export const AlertSeveritySchema = z.enum(['info', 'warning', 'critical']);
export type AlertSeverity = z.infer<typeof AlertSeveritySchema>;

export const AlertSchema = z.object({
  id: z.string(),
  type: AlertTypeSchema,
  severity: AlertSeveritySchema,
  /** What it is about: an order key, a SKU, a listing key, a channel account, a carrier. */
  subject: z.string(),
  /** Facts for the message table's placeholders. */
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  openedAt: z.string(),
  updatedAt: z.string(),
  acknowledged: z.boolean(),
  acknowledgedBy: z.string().optional(),
});
export type Alert = z.infer<typeof AlertSchema>;

export function alertId(type: AlertType, subject: string): string {
  return `${type}:${subject}`;
}
