import { describe, expect, it } from 'vitest';
import { fnv1a } from './hash';

describe('fnv1a', () => {
	it('gives the published FNV-1a 32-bit values on ASCII', () => {
		expect(fnv1a('') >>> 0).toBe(0x811c9dc5);
		expect(fnv1a('a') >>> 0).toBe(0xe40c292c);
		expect(fnv1a('foobar') >>> 0).toBe(0xbf9cf968);
	});

	it('hashes a slice in place, and continues from an earlier hash', () => {
		expect(fnv1a('xfoobarx', 1, 7)).toBe(fnv1a('foobar'));
		expect(fnv1a('bar', 0, 3, fnv1a('foo'))).toBe(fnv1a('foobar'));
	});
});
