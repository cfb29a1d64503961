import { z } from 'zod';
import { SellerSettingsPatchSchema, SellerSettingsSchema } from '../settings';

export const SettingsResponseSchema = z.object({ settings: SellerSettingsSchema });
export type SettingsResponse = z.infer<typeof SettingsResponseSchema>;

/** A partial update: see SellerSettingsPatchSchema for how records merge and lists replace. */
export const PatchSettingsBodySchema = SellerSettingsPatchSchema;
