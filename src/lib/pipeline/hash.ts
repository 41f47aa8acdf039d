// The one string hash of the site: FNV-1a, 32 bits, over UTF-16 code units. Change ids, the
// vocabulary of keys, the packed text's tables and an excerpt link's fingerprint all use it, so
// that a hash read in one place (a permalink's fingerprint) means what it means in another.
// FNV-1a is short, fast on short keys, and has no state beyond one number, which lets a caller
// hash several strings in a row (`h = fnv1a(b, 0, b.length, fnv1a(a))`).

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** FNV-1a of `text`'s UTF-16 units from `from` to `to`, continuing from `h`; a signed 32-bit
 * number (`>>> 0` makes it unsigned). */
export function fnv1a(text: string, from = 0, to = text.length, h = FNV_OFFSET): number {
	for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
	return h | 0;
}
