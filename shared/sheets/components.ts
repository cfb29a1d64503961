import { ComponentSchema, type Component } from '../catalog';
import { restoreNeutralized } from './cells';

/**
 * A listing's components as one cell: `SKU-A x2, SKU-B`. SKU codes have no spaces, so " x" and ", " can
 * never be part of a code and the written form always parses back.
 */
export function formatComponents(components: readonly Component[]): string {
  return components.map((component) => (component.qty === 1 ? component.sku : `${component.sku} x${component.qty}`)).join(', ');
}

export type ComponentsParse = { ok: true; components: Component[] } | { ok: false; problem: string };

const PART = /^(\S+?)(?:\s*[x×*]\s*(\d+))?$/i;

/**
 * Reads what people type: parts separated by commas or new lines, each `SKU`, `SKU x2`, `SKU*2` or `SKU×2`.
 * A SKU code that itself contains a comma cannot be typed here. Problems name the part that failed.
 */
export function parseComponents(text: string): ComponentsParse {
  const parts = restoreNeutralized(text)
    .split(/[,\n]/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  if (parts.length === 0) return { ok: false, problem: 'no components: write at least one SKU' };
  const components: Component[] = [];
  for (const part of parts) {
    const match = PART.exec(part);
    if (!match || match[1] === undefined) return { ok: false, problem: `"${part}" is not "SKU" or "SKU x2"` };
    const parsed = ComponentSchema.safeParse({ sku: match[1], qty: match[2] === undefined ? 1 : Number(match[2]) });
    if (!parsed.success) return { ok: false, problem: `"${part}": ${parsed.error.issues[0]?.message ?? 'invalid'}` };
    if (components.some((component) => component.sku === parsed.data.sku)) return { ok: false, problem: `"${parsed.data.sku}" appears twice` };
    components.push(parsed.data);
  }
  return { ok: true, components };
}
