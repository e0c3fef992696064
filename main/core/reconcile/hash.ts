/** FNV-1a, 64-bit: a small portable hash for flag ids (no node:crypto, so reconcile stays pure). */
const OFFSET = 0xcbf29ce484222325n;
const PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

export function fnv1a64(text: string): string {
  let h = OFFSET;
  // Hash UTF-8 bytes, so the same text gives the same id whatever the platform.
  for (const byte of new TextEncoder().encode(text)) {
    h ^= BigInt(byte);
    h = (h * PRIME) & MASK;
  }
  return h.toString(16).padStart(16, '0');
}
