import { axeViolations, expect, test } from './fixtures.ts';

test('the Vietnamese province list is fed by the generated data, with lineage', async ({ page, problems }) => {
  await page.goto('/tinh/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Các tỉnh, thành phố trước và sau 1/7/2025');
  await expect(page.getByTestId('current-provinces').locator('tbody tr')).toHaveCount(34);
  await expect(page.getByTestId('old-provinces').locator('tbody tr')).toHaveCount(63);
  const tayNinh = page.getByTestId('current-provinces').locator('tr', { has: page.getByRole('link', { name: 'Tây Ninh', exact: true }) });
  await expect(tayNinh).toContainText('Long An');
  const longAn = page.getByTestId('old-provinces').locator('tr', { has: page.getByRole('link', { name: 'Long An', exact: true }) });
  await expect(longAn.getByRole('link', { name: 'Tây Ninh' })).toHaveAttribute('href', '/tinh/tay-ninh/');
  expect(await axeViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test('the English shell and the language switch keep you on the same page', async ({ page, problems }) => {
  await page.goto('/tinh/');
  await page.getByRole('link', { name: 'Xem trang này bằng tiếng Anh' }).click();
  await expect(page).toHaveURL(/\/en\/provinces\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Provinces before and after 1 July 2025');
  await page.getByRole('link', { name: 'View this page in Vietnamese' }).click();
  await expect(page).toHaveURL(/\/tinh\/$/);
  expect(problems).toEqual([]);
});

for (const [path, lang, heading] of [
  ['/404.html', 'vi', 'Không tìm thấy trang'],
  ['/en/404/', 'en', 'Page not found'],
] as const) {
  test(`the ${lang} 404 page`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('an unknown address is answered with the 404 page', async ({ page }) => {
  const response = await page.goto('/khong-co-trang-nay/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy trang');
});
