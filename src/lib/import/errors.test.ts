import { describe, expect, it } from 'vitest';
import { ImportError } from './errors';

describe('ImportError', () => {
	it('names the file, then the line when there is one, then the problem', () => {
		expect(new ImportError('a.txt', 'the file is empty').message).toBe('a.txt: the file is empty');
		expect(new ImportError('a.txt', 'bad byte', 12).message).toBe('a.txt:12: bad byte');
	});

	it('keeps its parts for the page', () => {
		const error = new ImportError('a.txt', 'bad byte', 12);
		expect([error.name, error.file, error.problem, error.line]).toEqual([
			'ImportError',
			'a.txt',
			'bad byte',
			12
		]);
		expect(error).toBeInstanceOf(Error);
	});
});
