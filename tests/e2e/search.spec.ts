// Site search (Pagefind, a combobox in the header): provinces found with or without diacritics and by
// their old names, in both languages, from every page including the 404 page; usable by keyboard.
import { axeViolations, expect, test } from './fixtures.ts';
import type { Page } from '@playwright/test';

async function search(page: Page, query: string): Promise<string[]> {
  const input = page.getByRole('combobox', { name: /Tìm tỉnh|Find a province/ });
  await input.fill('');
  await input.fill(query);
  const list = page.locator('#site-search-list');
  await expect(list).toBeVisible();
  await expect(list.locator('[role=option]').first()).toBeVisible();
  return list.locator('[role=option]').evaluateAll((els) => els.map((e) => e.getAttribute('data-url')!));
}

test.describe('Vietnamese', () => {
  test('"ha tinh" and "Hà Tĩnh" find Hà Tĩnh first', async ({ page, problems }) => {
    await page.goto('/');
    for (const q of ['ha tinh', 'Hà Tĩnh']) {
      const urls = await search(page, q);
      expect(urls[0], q).toBe('/tinh/ha-tinh/');
    }
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('"long an" finds Long An and Tây Ninh, which it became part of', async ({ page }) => {
    await page.goto('/chi-so/');
    const urls = await search(page, 'long an');
    expect(urls.slice(0, 3)).toEqual(expect.arrayContaining(['/tinh/long-an/', '/tinh/tay-ninh/']));
  });

  test('"binh duong" and "Bình Dương" offer the old Bình Dương and TP. Hồ Chí Minh', async ({ page }) => {
    await page.goto('/tinh/');
    for (const q of ['binh duong', 'Bình Dương']) {
      const urls = await search(page, q);
      expect(urls.slice(0, 3), q).toEqual(expect.arrayContaining(['/tinh/binh-duong/', '/tinh/ho-chi-minh/']));
    }
    await expect(page.locator('#site-search-list [role=option]').filter({ hasText: 'Tỉnh, thành trước 1/7/2025' }).first()).toBeVisible();
  });

  test('the Sources page, which names every province, comes after the province pages', async ({ page }) => {
    await page.goto('/');
    for (const q of ['long an', 'tay ninh', 'hue']) {
      const urls = await search(page, q);
      const sources = urls.indexOf('/nguon/');
      if (sources !== -1) expect(urls.slice(sources + 1).every((u) => u === '/nguon/'), q).toBe(true);
      expect(urls[0], q).toMatch(/^\/tinh\//);
    }
  });

  test('each province result says how it relates to the 2025 map; an old name comes after the province itself', async ({ page, problems }) => {
    await page.goto('/');
    expect((await search(page, 'long an'))[0]).toBe('/tinh/long-an/');
    const options = page.locator('#site-search-list [role=option]');
    await expect(options.filter({ hasText: 'nay thuộc Tây Ninh' }).first()).toBeVisible();
    await expect(options.filter({ hasText: 'gồm Long An, Tây Ninh (cũ)' }).first()).toBeVisible();
    // The old provinces a new one was formed from come right after it.
    expect((await search(page, 'tay ninh')).slice(0, 3)).toEqual(expect.arrayContaining(['/tinh/tay-ninh/', '/tinh/tay-ninh-cu/', '/tinh/long-an/']));
    // "hcm" names both today's city and the old one: today's comes first.
    expect((await search(page, 'hcm'))[0]).toBe('/tinh/ho-chi-minh/');
    // Hà Tây, part of Hà Nội since 2008, finds Hà Nội.
    for (const q of ['ha tay', 'Hà Tây']) expect((await search(page, q))[0], q).toBe('/tinh/ha-noi/');
    await expect(options.first()).toContainText('tìm theo tên Hà Tây');
    // The older spelling Đắc Lắc finds Đắk Lắk; a metric page listing provinces without data does not come up.
    expect((await search(page, 'dac lac')).slice(0, 2)).toEqual(['/tinh/dak-lak/', '/tinh/dak-lak-cu/']);
    expect((await search(page, 'soc trang')).some((p) => p.startsWith('/chi-so/'))).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('metrics are found too', async ({ page }) => {
    await page.goto('/');
    expect(await search(page, 'don vi hanh chinh cap xa')).toContain('/chi-so/communes/');
  });

  test('keyboard: type, arrow down, Enter opens the result; Escape closes the list', async ({ page, problems }) => {
    await page.goto('/nguon/');
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Tab'); // brand
    await page.keyboard.press('Tab'); // search
    const input = page.getByRole('combobox', { name: 'Tìm tỉnh, thành (cả tên cũ), chỉ số hoặc nguồn' });
    await expect(input).toBeFocused();
    await page.keyboard.type('ha tinh');
    await expect(page.locator('#site-search-list [role=option]').first()).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.locator('#site-search-list')).toBeHidden();
    await page.keyboard.press('ArrowDown');
    await expect(input).toHaveAttribute('aria-expanded', 'true');
    await expect(input).toHaveAttribute('aria-activedescendant', 'site-search-0');
    await expect(page.locator('#site-search-0')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/tinh\/ha-tinh\/$/);
    expect(problems).toEqual([]);
  });

  test('works on the 404 page of an unknown address', async ({ page }) => {
    const response = await page.goto('/khong-co-trang-nay/');
    expect(response?.status()).toBe(404);
    expect(await search(page, 'long an')).toContain('/tinh/long-an/');
  });

  test('says so when nothing is found', async ({ page }) => {
    await page.goto('/');
    const input = page.getByRole('combobox', { name: 'Tìm tỉnh, thành (cả tên cũ), chỉ số hoặc nguồn' });
    await input.fill('zzqxj');
    await expect(page.locator('[data-search-empty]')).toHaveText('Không có kết quả cho “zzqxj”.');
    await expect(page.locator('[data-search-status]')).toHaveText('Không có kết quả cho “zzqxj”.');
  });

  test('a city that was a provincial seat finds its province, today\'s first, and says why', async ({ page, problems }) => {
    await page.goto('/');
    expect((await search(page, 'nha trang')).slice(0, 2)).toEqual(['/tinh/khanh-hoa/', '/tinh/khanh-hoa-cu/']);
    const options = page.locator('#site-search-list [role=option]');
    await expect(options.first()).toContainText('có Nha Trang, tỉnh lỵ Khánh Hòa (cũ) đến 30/6/2025');
    await expect(options.nth(1)).toContainText('tỉnh lỵ Nha Trang (đến 30/6/2025) · nay thuộc Khánh Hòa');
    // Without diacritics or with them; pages that only share a syllable are not offered.
    for (const q of ['buon ma thuot', 'Phan Thiết']) expect(await search(page, q), q).toHaveLength(2);
    expect(problems).toEqual([]);
  });
});

test.describe('English', () => {
  test('"long an", "binh duong" and "Hà Tĩnh" on English pages find English pages', async ({ page, problems }) => {
    await page.goto('/en/');
    expect((await search(page, 'long an')).slice(0, 3)).toEqual(expect.arrayContaining(['/en/provinces/long-an/', '/en/provinces/tay-ninh/']));
    expect((await search(page, 'binh duong')).slice(0, 3)).toEqual(expect.arrayContaining(['/en/provinces/binh-duong/', '/en/provinces/ho-chi-minh/']));
    expect((await search(page, 'Hà Tĩnh'))[0]).toBe('/en/provinces/ha-tinh/');
    expect((await search(page, 'ha tinh'))[0]).toBe('/en/provinces/ha-tinh/');
    await search(page, 'long an');
    await expect(page.locator('#site-search-list [role=option]').filter({ hasText: 'now part of Tay Ninh' }).first()).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('works on the English 404 page', async ({ page }) => {
    await page.goto('/en/404/');
    expect(await search(page, 'ha tinh')).toContain('/en/provinces/ha-tinh/');
  });

  test('a seat\'s name finds its province on English pages too', async ({ page }) => {
    await page.goto('/en/');
    expect((await search(page, 'quy nhon')).slice(0, 2)).toEqual(['/en/provinces/gia-lai/', '/en/provinces/binh-dinh/']);
    await expect(page.locator('#site-search-list [role=option]').first()).toContainText('includes Quy Nhon, seat of Binh Dinh until 30 June 2025');
  });
});
