import { describe, expect, it } from 'vitest';
import { citationMeta } from './citation-meta';

describe('citationMeta', () => {
	it('writes Highwire and Dublin Core tags, the date in ISO form in both', () => {
		expect(
			citationMeta({
				title: 'T',
				authors: ['A', 'B'],
				date: '1938-03-12',
				published: { publisher: 'Pencilmarks', url: 'https://x.example/c' },
				description: 'D',
				sources: ['S']
			})
		).toEqual([
			['citation_title', 'T'],
			['citation_author', 'A'],
			['citation_author', 'B'],
			['citation_date', '1938-03-12'],
			['citation_publisher', 'Pencilmarks'],
			['citation_public_url', 'https://x.example/c'],
			['DC.title', 'T'],
			['DC.creator', 'A'],
			['DC.creator', 'B'],
			['DC.publisher', 'Pencilmarks'],
			['DC.date', '1938-03-12'],
			['DC.type', 'Text'],
			['DC.format', 'text/html'],
			['DC.identifier', 'https://x.example/c'],
			['DC.description', 'D'],
			['DC.source', 'S']
		]);
	});

	it('leaves out a missing date, and the publisher and address of a private comparison', () => {
		expect(citationMeta({ title: 'T', authors: [], date: '' })).toEqual([
			['citation_title', 'T'],
			['DC.title', 'T'],
			['DC.type', 'Text'],
			['DC.format', 'text/html']
		]);
	});
});
