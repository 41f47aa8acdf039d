import { describe, expect, it } from 'vitest';
import { hasCodeFence, lineBreak } from './lines';

describe('lineBreak', () => {
	it('parts a kept line break into Markdown’s mark, the line end and the indentation', () => {
		expect(lineBreak('\\\n')).toEqual({ mark: '\\', end: '\n', indent: '' });
		expect(lineBreak('  \r\n\t\t')).toEqual({ mark: '  ', end: '\r\n', indent: '\t\t' });
		expect(lineBreak('\n    ')).toEqual({ mark: '', end: '\n', indent: '    ' });
		expect(lineBreak('\r')).toEqual({ mark: '', end: '\r', indent: '' });
	});
});

describe('hasCodeFence', () => {
	it('finds a fenced code block of backticks or tildes, indented three spaces at most', () => {
		expect(hasCodeFence('Text.\n\n```js\nrun();\n```\n')).toBe(true);
		expect(hasCodeFence('Text.\n   ~~~\ncode\n')).toBe(true);
		expect(hasCodeFence('Text with `code` and ``more``.')).toBe(false);
		expect(hasCodeFence('Text.\n    ```\nindented four: code already\n')).toBe(false);
	});
});
