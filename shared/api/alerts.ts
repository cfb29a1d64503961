import { z } from 'zod';
import { AlertSchema } from '../alerts';

export const AlertsResponseSchema = z.object({ alerts: z.array(AlertSchema) });
/** `:id` is the URL-encoded alert id `TYPE:subject`. */
export const AlertParamsSchema = z.object({ id: z.string().min(1).max(300) });
export const AlertResponseSchema = z.object({ alert: AlertSchema });
