import { test } from '@playwright/test';
test('dbg', async ({ page }) => {
	page.on('console', (m) => console.log('console', m.type(), m.text()));
	page.on('pageerror', (e) => console.log('pageerror', e.message, e.stack));
	await page.setViewportSize({ width: 1024, height: 900 });
	await page.goto('/cases/gettysburg/apparatus?view=table&without=hay&place=2');
	await page.waitForTimeout(2500);
	console.log(await page.locator('details.figures summary').textContent());
	console.log(await page.getByRole('button', { name: 'Table' }).isDisabled());
});
