/**
 * A short content hash (FNV-1a, 32 bit, hex) to tell "the same as last time" without reading a sheet back.
 * Not for security: a collision only costs a skipped rewrite of the alerts sheet until the next change.
 */
export function contentHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
