import type { StatusColor } from './layout';

/** Soft colours that still read on a laptop in a bright warehouse; dark text of the same hue. */
export const COLOURS = {
  red: { background: '#f4cccc', fontColor: '#990000' },
  orange: { background: '#fce5cd', fontColor: '#7f4f00' },
  yellow: { background: '#fff2cc', fontColor: '#7f6000' },
  green: { background: '#d9ead3', fontColor: '#274e13' },
  blue: { background: '#cfe2f3', fontColor: '#0b5394' },
  grey: { background: '#efefef', fontColor: '#666666' },
  purple: { background: '#d9d2e9', fontColor: '#351c75' },
} as const;

export type Colour = keyof typeof COLOURS;

export function statusColours(entries: readonly (readonly [code: string, colour: Colour])[], match: StatusColor['match'] = 'equals'): StatusColor[] {
  return entries.map(([code, colour]) => ({ code, match, ...COLOURS[colour] }));
}
