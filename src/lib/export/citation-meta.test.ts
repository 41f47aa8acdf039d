import { describe, expect, it } from 'vitest';
import { citationMeta, comparisonHead } from './citation-meta';

describe('citationMeta', () => {
	it('writes Highwire and Dublin Core tags, the date in ISO form in both', () => {
		expect(
			citationMeta({
				title: 'T',
				authors: ['A', 'B'],
				date: '1938-03-12',
				language: 'en',
				published: { publisher: 'Pencilmarks', url: 'https://x.example/c' },
				description: 'D',
				sources: ['S']
			})
		).toEqual([
			['citation_title', 'T'],
			['citation_author', 'A'],
			['citation_author', 'B'],
			['citation_date', '1938-03-12'],
			['citation_language', 'en'],
			['citation_publisher', 'Pencilmarks'],
			['citation_public_url', 'https://x.example/c'],
			['DC.title', 'T'],
			['DC.creator', 'A'],
			['DC.creator', 'B'],
			['DC.publisher', 'Pencilmarks'],
			['DC.date', '1938-03-12'],
			['DC.language', 'en'],
			['DC.type', 'Text'],
			['DC.format', 'text/html'],
			['DC.identifier', 'https://x.example/c'],
			['DC.description', 'D'],
			['DC.source', 'S']
		]);
	});

	it('leaves out a missing date and language, and the publisher and address of a private comparison', () => {
		expect(citationMeta({ title: 'T', authors: [], date: '', language: '' })).toEqual([
			['citation_title', 'T'],
			['DC.title', 'T'],
			['DC.type', 'Text'],
			['DC.format', 'text/html']
		]);
	});

	it('names a translation’s translator, and gives no citation_author that would hide them', () => {
		expect(
			citationMeta({ title: 'T', authors: ['Speaker'], translators: ['Trans Lator'], date: '1938-03-12' })
		).toEqual([
			['citation_title', 'T'],
			['citation_date', '1938-03-12'],
			['DC.title', 'T'],
			['DC.creator', 'Speaker'],
			['DC.contributor', 'Trans Lator'],
			['z.translators', 'Trans Lator'],
			['DC.date', '1938-03-12'],
			['DC.type', 'Text'],
			['DC.format', 'text/html']
		]);
	});
});

describe('comparisonHead', () => {
	const pair = {
		title: 'The Gettysburg Address: Hay copy and Bliss copy',
		kind: 'Draft-to-final revision history',
		date: '1863-11-19',
		authors: ['Abraham Lincoln'],
		language: 'en',
		base: { label: 'Hay copy' },
		target: { label: 'Bliss copy' },
		sources: ['S.'],
		url: '/cases/gettysburg/hay/bliss?mode=side#c-1'
	};

	it('describes the pair, cites its address, and links the page without mode and place', () => {
		expect(comparisonHead(pair)).toEqual({
			canonical: '/cases/gettysburg/hay/bliss',
			meta: [
				['citation_title', 'The Gettysburg Address: Hay copy and Bliss copy'],
				['citation_author', 'Abraham Lincoln'],
				['citation_date', '1863-11-19'],
				['citation_language', 'en'],
				['citation_publisher', 'Pencilmarks'],
				['citation_public_url', '/cases/gettysburg/hay/bliss?mode=side#c-1'],
				['DC.title', 'The Gettysburg Address: Hay copy and Bliss copy'],
				['DC.creator', 'Abraham Lincoln'],
				['DC.publisher', 'Pencilmarks'],
				['DC.date', '1863-11-19'],
				['DC.language', 'en'],
				['DC.type', 'Text'],
				['DC.format', 'text/html'],
				['DC.identifier', '/cases/gettysburg/hay/bliss?mode=side#c-1'],
				['DC.description', 'Draft-to-final revision history, 19 November 1863: Hay copy against Bliss copy'],
				['DC.source', 'S.']
			]
		});
	});

	it('names the translators of the pair once, and a private comparison has no address', () => {
		const translated = {
			...pair,
			base: { label: 'A', translator: 'T. R.' },
			target: { label: 'B', translator: 'T. R.' },
			url: undefined
		};
		const { meta, canonical } = comparisonHead(translated);
		expect(canonical).toBeUndefined();
		expect(meta.filter(([name]) => /author|creator|contributor|translator|publisher|url|identifier/.test(name))).toEqual([
			['DC.creator', 'Abraham Lincoln'],
			['DC.contributor', 'T. R.'],
			['z.translators', 'T. R.']
		]);
	});
});
