import { axeViolations, expect, test } from './fixtures.ts';

const routes = [
  ['/', '/en/'],
  ['/chi-so/', '/en/metrics/'],
  ['/chi-so/communes/', '/en/metrics/communes/'],
  ['/chi-so/provincial_departments/', '/en/metrics/provincial_departments/'],
  ['/tinh/', '/en/provinces/'],
  ['/tinh/tay-ninh/', '/en/provinces/tay-ninh/'],
  ['/tinh/long-an/', '/en/provinces/long-an/'],
  ['/tinh/ha-tinh/', '/en/provinces/ha-tinh/'],
  ['/so-sanh/', '/en/compare/'],
  ['/du-lieu/', '/en/data/'],
  ['/nguon/', '/en/sources/'],
  ['/phuong-phap/', '/en/methodology/'],
] as const;

for (const [vi, en] of routes) {
  for (const [path, lang, other] of [[vi, 'vi', en], [en, 'en', vi]] as const) {
    test(`${path} renders in ${lang}, switches language to ${other}, has no axe violations or console errors`, async ({ page, problems }) => {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
      await page.locator('a.lang-switch').click();
      await expect(page).toHaveURL(new RegExp(`${other.replace(/[/]/g, '\\/')}$`));
      expect(problems).toEqual([]);
    });
  }
}

test('a metric page sorts, toggles per capita, and keeps the state in the URL', async ({ page, problems }) => {
  await page.goto('/chi-so/communes/');
  const figure = page.locator('#ranking-34');
  const visible = figure.locator('.variant:not([hidden])');
  await expect(visible).toHaveCount(1);
  await expect(visible).toHaveAttribute('data-sort', 'value');
  const firstRowByValue = await figure.locator('tbody tr').first().getAttribute('data-unit');
  await figure.getByLabel('Tên').check();
  await expect(visible).toHaveAttribute('data-sort', 'name');
  await expect(page).toHaveURL(/sort-34=name/);
  const order = (await figure.locator('.variant:not([hidden])').getAttribute('data-order'))!.split(' ');
  await expect(figure.locator('tbody tr').first()).toHaveAttribute('data-unit', order[0]);
  expect(order[0]).not.toBe(firstRowByValue);
  await figure.getByLabel('Tính trên 100.000 dân').check();
  await expect(figure.locator('.variant:not([hidden])')).toHaveAttribute('data-percap', '1');
  await expect(page).toHaveURL(/percap-34=1/);
  // The title says the chart now shows rates.
  expect(await figure.locator('.chart-title').innerText()).toMatch(/: xếp hạng \(trên 100\.000 dân\)$/);
  await figure.getByLabel('Tính trên 100.000 dân').uncheck();
  await expect(figure.locator('[data-percap-suffix]')).toBeHidden();
  expect(await figure.locator('.chart-title').innerText()).toMatch(/: xếp hạng$/);
  // A shared link reproduces the view.
  await page.goto('/chi-so/communes/?sort-34=change&percap-34=0');
  await expect(page.locator('#ranking-34 .variant:not([hidden])')).toHaveAttribute('data-sort', 'change');
  await expect(page.locator('#ranking-34').getByLabel('Mức thay đổi')).toBeChecked();
  expect(problems).toEqual([]);
});

test('an old province says it no longer exists and where it went', async ({ page }) => {
  await page.goto('/tinh/long-an/');
  await expect(page.getByTestId('gone')).toContainText('không còn tồn tại');
  await expect(page.getByTestId('gone').getByRole('link', { name: 'Tây Ninh' })).toHaveAttribute('href', '/tinh/tay-ninh/');
  await page.goto('/en/provinces/tay-ninh/');
  await expect(page.getByTestId('formed-from')).toContainText('Long An');
});

test('a province page names its seat with sources, shows sources that disagree, and a merged province lists the seats of its parts', async ({ page, problems }) => {
  await page.goto('/tinh/long-an/');
  await expect(page.getByTestId('seat')).toContainText('Tỉnh lỵ đến 30/6/2025: Tân An');
  await expect(page.getByTestId('seat').locator('a[href^="/nguon/#src-"]').first()).toBeVisible();
  // An undated list still names Ninh Bình city, merged into Hoa Lư city before 2025: both stay, marked.
  await page.goto('/tinh/ninh-binh-cu/');
  await expect(page.getByTestId('seat')).toContainText('Hoa Lư');
  await expect(page.getByTestId('seat').locator('.badge.warn')).toHaveText('Nguồn khác nhau');
  await expect(page.getByTestId('seat')).toContainText('Nguồn khác ghi: Ninh Bình');
  await page.goto('/en/provinces/khanh-hoa/');
  await expect(page.getByTestId('seats')).toContainText('Seats of the provinces it was formed from (until 30 June 2025): Nha Trang (Khanh Hoa (pre-2025);');
  await expect(page.getByTestId('seats')).toContainText('Phan Rang - Thap Cham (Ninh Thuan;');
  expect(problems).toEqual([]);
});

test('a tile map is one stop in the tab order; the arrow keys move between its tiles and Enter opens one', async ({ page, problems }) => {
  await page.goto('/chi-so/communes/');
  const map = page.locator('#map-34 svg.tile-map');
  await expect(map.locator('a.tile[tabindex="0"]')).toHaveCount(1);
  await expect(map.locator('a.tile.island[tabindex="-1"]')).toHaveCount(2);
  const first = map.locator('a.tile[tabindex="0"]');
  const start = await first.getAttribute('data-unit');
  await first.focus();
  await page.keyboard.press('ArrowRight');
  const moved = await page.evaluate(() => document.activeElement?.getAttribute('data-unit'));
  expect(moved).not.toBe(start);
  await expect(map.locator(`a.tile[data-unit="${moved}"]`)).toHaveAttribute('tabindex', '0');
  await expect(map.locator('a.tile[tabindex="0"]')).toHaveCount(1);
  // Tab leaves the map at once, to what follows it; Shift+Tab too, to what precedes it (not the map itself).
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('#map-34 svg')))).toBe(false);
  await map.locator(`a.tile[data-unit="${moved}"]`).focus();
  await page.keyboard.press('Shift+Tab');
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('#map-34 svg')))).toBe(false);
  await map.locator(`a.tile[data-unit="${moved}"]`).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/tinh/${moved}/$`));
  expect(problems).toEqual([]);
});

test('printing leaves out search, navigation and controls, prints the data tables, and gives the page address', async ({ page }) => {
  await page.goto('/chi-so/communes/');
  await page.emulateMedia({ media: 'print' });
  for (const selector of ['.site-search', '.site-nav', '.lang-switch', '.chart-controls', '.chart-actions']) await expect(page.locator(selector).first(), selector).toBeHidden();
  // The ranking's data table sits in a closed section on screen; on paper it is printed.
  await expect(page.locator('#ranking-34 details.data-table table')).toBeVisible();
  await expect(page.locator('.site-footer .print-only')).toContainText('In từ https://');
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('#ranking-34 details.data-table table')).toBeHidden();
  await expect(page.locator('.site-footer .print-only')).toBeHidden();
});

test('a total within today\'s borders is given only when every old province has a figure', async ({ page }) => {
  await page.goto('/tinh/tay-ninh/');
  const rows = page.locator('section[aria-labelledby="rolled"] tbody tr');
  await expect(rows.filter({ hasText: 'Số đơn vị hành chính cấp xã' }).locator('td').first()).toHaveText('280');
  const partial = rows.filter({ hasText: '1/2 tỉnh cũ có số liệu' }).first();
  await expect(partial.locator('td').first()).toHaveText('—');
});

test('per-head figures give their population and its source; a merged province divides by the sum of its old provinces', async ({ page, problems }) => {
  await page.goto('/chi-so/communes/');
  const row = page.locator('tr[data-unit="tay-ninh"]').filter({ has: page.locator('details.pop-source') });
  await expect(row).toHaveCount(1);
  const details = row.locator('details.pop-source');
  await expect(details.locator('summary')).toHaveText('Nguồn số dân');
  await expect(details).toContainText('tổng Long An + Tây Ninh (cũ)');
  await expect(details.locator('a[href^="/nguon/#src-"]')).toHaveCount(2);
  expect(problems).toEqual([]);
});

test('English pages name the legal basis in English', async ({ page }) => {
  await page.goto('/en/provinces/long-an/');
  await expect(page.getByText('Legal basis: Resolution 202/2025/QH15, Art. 1 cl. 18')).toBeVisible();
});

test('compare: the picker finds a province by its seat or its full name, and says why it offers nothing', async ({ page, problems }) => {
  await page.goto('/so-sanh/?u=ha-noi,tay-ninh');
  const input = page.locator('#compare-input');
  await input.fill('nha trang');
  await expect(page.locator('#compare-options li').first()).toContainText('Khánh Hòa');
  await input.fill('thành phố hồ chí minh');
  await expect(page.locator('#compare-options li').first()).toContainText('TP. Hồ Chí Minh');
  await input.fill('ha tay');
  await expect(page.locator('#compare-options')).toBeHidden();
  await expect(page.locator('.picker [data-status]')).toHaveText('Hà Nội đã có trong so sánh.');
  await input.fill('xyzq');
  await expect(page.locator('.picker [data-status]')).toHaveText('Không có tỉnh, thành nào khớp với “xyzq”.');
  expect(problems).toEqual([]);
});

test('compare: related provinces are one click away, and an old province with its successor gets a note', async ({ page, problems }) => {
  await page.goto('/so-sanh/?u=tay-ninh');
  const suggest = page.locator('[data-suggest]');
  await expect(suggest.locator('[data-add]')).toHaveText(['+ Long An (cũ)', '+ Tây Ninh (cũ)']);
  await expect(page.locator('[data-overlap]')).toBeHidden();
  await suggest.getByRole('button', { name: 'Thêm Long An (cũ)' }).click();
  await expect(page).toHaveURL(/u=tay-ninh%2Clong-an|u=tay-ninh,long-an/);
  await expect(page.locator('[data-overlap]')).toHaveText('Long An (cũ) nay là một phần của Tây Ninh: số liệu của Tây Ninh đã bao gồm địa bàn của Long An (cũ), không cộng lại được.');
  // Typing an old name offers the old province first, so Enter adds it.
  const input = page.locator('#compare-input');
  await input.fill('vung tau');
  await input.press('Enter');
  await expect(page.locator('[data-chips] li').last()).toHaveText(/Bà Rịa - Vũng Tàu/);
  // From an old province: the province it became part of, and the others merged into it.
  await page.goto('/so-sanh/?u=ba-ria-vung-tau');
  await expect(suggest.locator('[data-add]')).toHaveText(['+ TP. Hồ Chí Minh', '+ Bình Dương (cũ)', '+ TP. Hồ Chí Minh (cũ)']);
  expect(await axeViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test('compare: search with or without diacritics and by old names; the selection lives in the URL', async ({ page, problems }) => {
  await page.goto('/so-sanh/');
  await expect(page.locator('[data-chips] li')).toHaveCount(4);
  const chartsBefore = await page.locator('[data-charts] figure').count();
  expect(chartsBefore).toBeGreaterThan(0);
  for (const id of await page.locator('[data-chips] [data-remove]').evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.remove))) {
    await page.locator(`[data-remove="${id}"]`).click();
  }
  await expect(page.locator('[data-chips] li')).toHaveCount(0);
  await expect(page.locator('p[aria-live="polite"][data-status]')).toHaveText('Chọn tỉnh, thành để so sánh: gõ tên vào ô trên.');
  await expect(page.locator('[data-table] table')).toHaveCount(0);
  const input = page.locator('#compare-input');
  await input.fill('long an');
  await expect(page.getByRole('option', { name: /^Long An/ })).toBeVisible();
  await expect(page.getByRole('option', { name: /^Tây Ninh\s/ })).toBeVisible();
  await page.getByRole('option', { name: /^Long An/ }).click();
  await expect(page.locator('p[aria-live="polite"][data-status]')).toHaveText('Thêm ít nhất một tỉnh, thành nữa để so sánh.');
  await input.fill('ha tinh');
  await input.press('Enter');
  await input.fill('Hà Nội');
  await input.press('ArrowDown');
  await input.press('Enter');
  await expect(page.locator('[data-chips] li')).toHaveCount(3);
  await expect(page.locator('p[aria-live="polite"][data-status]')).toBeEmpty();
  await expect(page).toHaveURL(/u=long-an%2Cha-tinh%2Cha-noi|u=long-an,ha-tinh,ha-noi/);
  const url = page.url();
  await page.goto(url);
  await expect(page.locator('[data-chips] li')).toHaveText([/Long An/, /Hà Tĩnh/, /Hà Nội/]);
  await expect(page.locator('[data-table] thead th')).toHaveCount(4);
  expect(await axeViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });
  for (const path of ['/', '/chi-so/communes/', '/en/metrics/communes/', '/tinh/tay-ninh/', '/so-sanh/']) {
    test(`${path} still shows its charts and tables`, async ({ page }) => {
      await page.goto(path);
      // Plot charts are images; tile maps are groups of province links.
      const svgs = page.locator('main svg[role="img"], main svg[role="group"]');
      if (path !== '/tinh/tay-ninh/') expect(await svgs.count()).toBeGreaterThan(0);
      await expect(page.locator('main table').first()).toBeAttached();
      if (await svgs.count()) await expect(svgs.first()).toBeVisible();
    });
  }
  test('/so-sanh/ hides the controls that need JavaScript and says why', async ({ page }) => {
    await page.goto('/so-sanh/');
    await expect(page.locator('#compare-input')).toBeHidden();
    await expect(page.locator('[data-remove]').first()).toBeHidden();
    await expect(page.locator('[data-chips] li')).toHaveCount(4);
    await expect(page.getByText('Bật JavaScript để chọn tỉnh khác')).toBeVisible();
  });
  test('a metric page hides the controls that would do nothing and points to the table and the Data page', async ({ page }) => {
    await page.goto('/chi-so/communes/');
    await expect(page.locator('form[data-controls]').first()).toBeHidden();
    const fig = page.locator('#ranking-34');
    await fig.locator('details.chart-actions > summary').click();
    await expect(fig.locator('.chart-actions [data-nojs-only]')).toBeVisible();
    await expect(fig.locator('.chart-actions [data-nojs-only] a')).toHaveAttribute('href', '/du-lieu/');
  });
});

test('figures from secondary sites say so; the Sources page groups sources by kind, laws first', async ({ page }) => {
  await page.goto('/tinh/tay-ninh/');
  const marks = page.locator('main .source-mark');
  expect(await marks.count()).toBeGreaterThan(0);
  await expect(marks.first()).toHaveText('(thứ cấp)');
  await page.goto('/nguon/');
  const kinds = await page.locator('main h2[id^="kind-"]').evaluateAll((els) => els.map((e) => e.id));
  expect(kinds[0]).toBe('kind-law');
  expect(kinds.at(-1)).toBe('kind-secondary');
  await expect(page.locator('#kind-secondary + p + ol li.source').first()).toBeAttached();
});

test('/so-sanh/ does not shift its layout when the script starts', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { __cls: number }).__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) (window as unknown as { __cls: number }).__cls += (e as unknown as { value: number }).value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.setViewportSize({ width: 412, height: 823 });
  await page.goto('/so-sanh/');
  await expect(page.locator('#compare-input')).toBeVisible();
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __cls: number }).__cls)).toBeLessThan(0.01);
});

test.describe('on a 360 px wide screen', () => {
  test.use({ viewport: { width: 360, height: 740 } });
  for (const path of ['/', '/en/', '/chi-so/communes/', '/tinh/tay-ninh/', '/en/provinces/long-an/', '/so-sanh/', '/du-lieu/', '/nguon/']) {
    test(`${path} has no horizontal scroll`, async ({ page }) => {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
});

test('numbers are formatted for the page language', async ({ page }) => {
  await page.goto('/chi-so/communes/');
  await expect(page.locator('#national')).toBeVisible();
  await expect(page.locator('.national-list')).toContainText('10.035');
  await page.goto('/en/metrics/communes/');
  await expect(page.locator('.national-list')).toContainText('10,035');
});
