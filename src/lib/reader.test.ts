import { describe, expect, it } from 'vitest';
import { fragmentOf, Reader, type ChangeRef } from './reader.svelte';

const changes: ChangeRef[] = [
	{ id: 'c-1', kind: 'delete' },
	{ id: 'c-é', kind: 'insert' }
];
const url = (tail: string) => new URL(`https://pencilmarks.example/cases/bukharin-1938${tail}`);

describe('fragmentOf', () => {
	it('decodes the fragment', () => {
		expect(fragmentOf(url('#c-%C3%A9'))).toBe('c-é');
		expect(fragmentOf(url(''))).toBe('');
	});

	// Issue 9: a malformed escape threw URIError and the page never became interactive.
	it('gives null for an escape that cannot be decoded', () => {
		expect(fragmentOf(url('#%'))).toBe(null);
		expect(fragmentOf(url('#%E0%A4%A'))).toBe(null);
	});
});

describe('Reader.fromUrl', () => {
	it('follows a known mode and change, saying nothing', () => {
		const reader = new Reader(changes);
		expect(reader.fromUrl(url('?mode=published#c-%C3%A9'))).toEqual([]);
		expect([reader.mode, reader.current]).toEqual(['published', 'c-é']);
		expect(new Reader(changes, 'side').fromUrl(url('?mode=marks'))).toEqual([]);
	});

	// Issue 9: links the page could not follow broke it; now it opens as usual and says so.
	it('keeps the defaults for what it cannot follow, and says what that was', () => {
		const reader = new Reader(changes, 'side');
		expect(reader.fromUrl(url('?mode=bogus#%E0%A4%A'))).toEqual([
			'This link asks for a view called “bogus”, which this page does not have ' +
				'(it has marks, spoken, published, side): the text is shown as usual.',
			'The end of this link (#%E0%A4%A) is not a valid web address, so it was not followed.'
		]);
		expect([reader.mode, reader.current]).toEqual(['side', null]);
		expect(reader.fromUrl(url('?mode='))).toEqual([
			'This link asks for a view but names none: the text is shown as usual.'
		]);
		expect(reader.mode).toBe('side');
	});
});
