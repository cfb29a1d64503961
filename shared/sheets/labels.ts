import { CARRIER_IDS, CARRIERS, CarrierIdSchema, type CarrierId } from '../carriers';
import { CHANNELS, ChannelSchema, type Channel } from '../ids';
import { message, type Language } from '../messages';
import { restoreNeutralized } from './cells';

/** Names shown in the editable carrier column, and the dropdown's list. */
export function carrierLabel(carrier: string | undefined, language: Language): string {
  if (!carrier) return '';
  const parsed = CarrierIdSchema.safeParse(carrier);
  if (!parsed.success) return carrier;
  const info = CARRIERS[parsed.data];
  return language === 'ko' ? info.nameKo : info.nameEn;
}

export function carrierLabels(language: Language): string[] {
  return CARRIER_IDS.map((id) => carrierLabel(id, language));
}

/** What people picked or typed in the carrier column: a label in either language, or a carrier id. */
export function carrierFromLabel(text: string): CarrierId | null {
  const wanted = restoreNeutralized(text).trim().toLowerCase();
  if (!wanted) return null;
  for (const id of CARRIER_IDS) {
    const info = CARRIERS[id];
    if (id === wanted || info.nameKo.toLowerCase() === wanted || info.nameEn.toLowerCase() === wanted) return id;
  }
  return null;
}

export function channelLabel(channel: Channel, language: Language): string {
  return message(`channel.${channel}`, language);
}

export function channelLabels(language: Language): string[] {
  return CHANNELS.map((channel) => channelLabel(channel, language));
}

export function channelFromLabel(text: string): Channel | null {
  const wanted = restoreNeutralized(text).trim().toLowerCase();
  if (!wanted) return null;
  const byId = ChannelSchema.safeParse(wanted);
  if (byId.success) return byId.data;
  for (const channel of CHANNELS) {
    if (channelLabel(channel, 'ko').toLowerCase() === wanted || channelLabel(channel, 'en').toLowerCase() === wanted) return channel;
  }
  return null;
}
