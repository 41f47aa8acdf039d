import { describe, expect, it } from 'vitest';
import { showControls } from './bidi';
import { ImportError } from './import/errors';

describe('showControls', () => {
	// Issue 9: a file name with U+202E reversed the message after it.
	it('shows each directional control as a visible mark, and leaves other text alone', () => {
		expect(showControls('invoice\u202efdp.exe')).toBe('invoice[U+202E]fdp.exe');
		expect(showControls('\u2067שלום\u2069 a\u200fb\u061c')).toBe('[U+2067]שלום[U+2069] a[U+200F]b[U+061C]');
		expect(showControls('Стенограмма 1938.txt')).toBe('Стенограмма 1938.txt');
	});

	it('is how an import error names the file', () => {
		expect(new ImportError('a\u202etxt.exe', 'the file is empty').message).toBe(
			'a[U+202E]txt.exe: the file is empty'
		);
	});
});
