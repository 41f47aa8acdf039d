// No text is ever drawn over other text, at a phone's, a laptop's or a wide screen's width (issue
// 9: the last notes in the margin ran down over "About this case").

import { expect, test } from '@playwright/test';
import { sideways, textOverlaps } from './overlaps';

const pages = [
	'/cases/bukharin-1938',
	'/cases/bukharin-1938?mode=target',
	'/cases/gettysburg',
	'/cases/gettysburg?mode=side',
	'/cases/gettysburg?context=0',
	'/cases/gettysburg/apparatus?place=2',
	'/cases/gettysburg/apparatus?view=table',
	'/'
];
const widths = [390, 1024, 1400];

for (const path of pages) {
	for (const width of widths) {
		test(`no text overlaps other text on ${path} at ${width} px`, async ({ page }) => {
			await page.setViewportSize({ width, height: 900 });
			await page.goto(path);
			expect(await textOverlaps(page)).toEqual([]);
			// Nor does anything run past the screen's edge, making the page scroll sideways.
			expect(await sideways(page)).toBe(0);
		});
	}
}
