import { applySettingsPatch, DEFAULT_SETTINGS, SellerSettingsPatchSchema, SellerSettingsSchema, type SellerSettings, type SellerSettingsPatch } from '../../shared/settings';
import type { SellerContext } from './context';
import { StoreError } from './errors';
import { validated } from './validate';

/** The seller's settings document, written by compare-and-set so concurrent PATCHes never lose a change. */
export class SettingsStore {
  constructor(private readonly ctx: SellerContext) {}

  async read(): Promise<{ settings: SellerSettings; version: number }> {
    const [doc, version] = await this.ctx.redis().hmGet(this.ctx.keys.settings, ['doc', 'version']);
    if (!doc) return { settings: DEFAULT_SETTINGS, version: 0 };
    // Settings written by an older build may lack newer fields: defaults fill them in.
    const stored = SellerSettingsSchema.partial().parse(JSON.parse(doc));
    return { settings: { ...DEFAULT_SETTINGS, ...stored }, version: Number(version ?? 0) };
  }

  async get(): Promise<SellerSettings> {
    return (await this.read()).settings;
  }

  /** Applies a PATCH by compare-and-set, reading again when another writer got in between. */
  async patch(settingsPatch: SellerSettingsPatch): Promise<SellerSettings> {
    const patch = validated(SellerSettingsPatchSchema, settingsPatch);
    for (let attempt = 0; attempt < 10; attempt++) {
      const { settings, version } = await this.read();
      const next = applySettingsPatch(settings, patch);
      try {
        await this.ctx.call('write_settings', [], [String(version), JSON.stringify(next)]);
        return next;
      } catch (error) {
        if (!(error instanceof StoreError) || error.code !== 'CONFLICT') throw error;
      }
    }
    throw new StoreError('CONFLICT', ['settings kept changing; try again']);
  }
}
