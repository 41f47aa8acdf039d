import { describe, expect, it } from 'vitest';
import { formatWhen } from './format';

describe('formatWhen', () => {
	it('writes a date, or a date and time as Word writes it, in words, in the zone written', () => {
		expect(formatWhen('1938-03-13')).toBe('13 March 1938');
		expect(formatWhen('2024-05-02T09:30:00Z')).toBe('2 May 2024, 09:30 UTC');
		expect(formatWhen('2024-05-02T09:30+02:00')).toBe('2 May 2024, 09:30 UTC+02:00');
		expect(formatWhen('2024-05-02T23:59:59.5')).toBe('2 May 2024, 23:59');
	});

	it('gives anything else as it is', () => {
		expect(formatWhen('spring 1938')).toBe('spring 1938');
		expect(formatWhen('2024-05-02 09:30')).toBe('2024-05-02 09:30');
	});
});
