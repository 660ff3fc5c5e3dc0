// Accessibility across the built site: zero axe violations, no console errors or third-party requests
// and no horizontal scroll on a 360 px screen, on every route of dist/ in both languages (all metric
// pages, a sample of provinces and of embeds); every control usable from the keyboard alone with a
// visible focus; reduced motion and dark mode honoured.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Page } from '@playwright/test';
import { axeViolations, expect, test } from './fixtures.ts';

const dist = join(import.meta.dirname, '..', '..', 'dist');

/** Every page in dist/ as its URL path. */
function allPaths(): string[] {
  if (!existsSync(dist)) return [];
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => `/${relative(dist, join(e.parentPath, e.name)).split(sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1'))
    .sort();
}

/**
 * The pages to audit (axe takes seconds a page, so templates with many instances are sampled):
 * - every page that is not a metric, a province or an embed, in both languages;
 * - every metric page once, the language alternating from one metric to the next (so both languages
 *   are covered and each metric's own data shape — eras, per capita, before/after — is audited);
 * - provinces: a sample of their variants (merged, unchanged, dissolved, a "-cu" predecessor), in both
 *   languages between them; embeds: every chart of one metric, and one of them in English too.
 */
function auditPaths(): string[] {
  // CI sets AXE_ALL=1 and audits every page of the site in both languages.
  if (process.env.AXE_ALL) return allPaths();
  const provinceSample = new Map([['tay-ninh', 'vi'], ['long-an', 'en'], ['cao-bang', 'vi'], ['tay-ninh-cu', 'en'], ['ho-chi-minh', 'en']]);
  const paths = allPaths();
  const metricIds = [...new Set(paths.map((p) => /^\/chi-so\/([^/]+)\/$/.exec(p)?.[1]).filter(Boolean))].sort();
  return paths.filter((p) => {
    const province = /^\/(en\/provinces|tinh)\/([^/]+)\/$/.exec(p);
    if (province) return provinceSample.get(province[2]) === (province[1] === 'tinh' ? 'vi' : 'en');
    const metric = /^\/(en\/metrics|chi-so)\/([^/]+)\/$/.exec(p);
    if (metric) return metricIds.indexOf(metric[2]) % 2 === (metric[1] === 'chi-so' ? 0 : 1);
    const embed = /^\/(en\/)?embed\/[^/]+\/([^/]+)\/([a-z-]+-\d+)\/$/.exec(p);
    if (embed) return embed[2] === 'communes' && (embed[1] ? embed[3] === 'ranking-34' : true);
    return true;
  });
}

// The page list is read when the tests run, not when they are collected, and split into a fixed number
// of tests (so that they run in parallel and their titles do not depend on what dist/ holds).
const CHUNKS = process.env.AXE_ALL ? 12 : 6;

test('the audit covers every route type in both languages', () => {
  expect(existsSync(dist), 'dist/ is missing: run `npm run build` first').toBe(true);
  const paths = auditPaths();
  for (const re of [/^\/$/, /^\/en\/$/, /^\/chi-so\/$/, /^\/en\/metrics\/$/, /^\/tinh\/$/, /^\/en\/provinces\/$/, /^\/tinh\/[^/]+\/$/, /^\/en\/provinces\/[^/]+\/$/, /^\/so-sanh\/$/, /^\/en\/compare\/$/, /^\/du-lieu\/$/, /^\/en\/data\/$/, /^\/nguon\/$/, /^\/en\/sources\/$/, /^\/phuong-phap\/$/, /^\/en\/methodology\/$/, /^\/404\.html$/, /^\/en\/404\/$/]) {
    expect(paths.some((p) => re.test(p)), `${re}`).toBe(true);
  }
  // Every metric is audited in one language or the other.
  const ids = (prefix: string, list: string[]) => list.map((p) => new RegExp(`^${prefix}([^/]+)/$`).exec(p)?.[1]).filter(Boolean);
  const all = ids('/chi-so/', allPaths());
  expect(all.length).toBeGreaterThan(10);
  expect(new Set([...ids('/chi-so/', paths), ...ids('/en/metrics/', paths)])).toEqual(new Set(all));
  expect(paths.some((p) => p.startsWith('/embed/')) && paths.some((p) => p.startsWith('/en/embed/'))).toBe(true);
});

for (let chunk = 0; chunk < CHUNKS; chunk++) {
  test(`axe, console and requests: pages ${chunk + 1} of ${CHUNKS}`, async ({ page, baseURL, problems }) => {
    test.setTimeout(300_000);
    const paths = auditPaths().filter((_, i) => i % CHUNKS === chunk);
    expect(paths.length).toBeGreaterThan(0);
    // Console errors and failed requests come from the shared fixture; the sweep adds third-party requests.
    page.on('request', (r) => {
      if (!r.url().startsWith(baseURL!) && !/^(data|blob):/.test(r.url())) problems.push(`third-party request: ${r.url()}`);
    });
    for (const path of paths) {
      problems.length = 0;
      const response = await page.goto(path, { waitUntil: 'networkidle' });
      expect.soft(response?.status(), path).toBe(200);
      await expect.soft(page.locator('h1, figure').first(), path).toBeVisible();
      expect.soft(await axeViolations(page), `axe: ${path}`).toEqual([]);
      expect.soft([...problems], `console and network: ${path}`).toEqual([]);
      // And on a 360 px phone nothing widens the page (long file paths in source titles once did).
      const wide = page.viewportSize()!;
      await page.setViewportSize({ width: 360, height: 780 });
      expect.soft(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `horizontal scroll at 360 px: ${path}`).toBeLessThanOrEqual(0);
      await page.setViewportSize(wide);
    }
    test.info().annotations.push({ type: 'pages', description: paths.join(' ') });
  });
}

/** Presses Tab until the focused element matches, as a keyboard-only user would. */
async function tabTo(page: Page, selector: string, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${selector} not reached with ${max} presses of Tab`);
}

/** The focused element draws a visible focus indicator: an outline at least 2px wide, not transparent. */
async function expectVisibleFocus(page: Page) {
  const style = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const s = getComputedStyle(el);
    return { tag: el.tagName, style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor, shadow: s.boxShadow };
  });
  expect(style.style, JSON.stringify(style)).not.toBe('none');
  expect(style.width, JSON.stringify(style)).toBeGreaterThanOrEqual(2);
  expect(style.color, JSON.stringify(style)).not.toMatch(/rgba\(\d+, \d+, \d+, 0\)|transparent/);
}

test.describe('keyboard only', () => {
  test('the skip link and the language switch', async ({ page, problems }) => {
    await page.goto('/chi-so/');
    await page.keyboard.press('Tab');
    await expect(page.locator('a.skip')).toBeFocused();
    await expectVisibleFocus(page);
    await tabTo(page, 'a.lang-switch');
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/en\/metrics\/$/);
    await tabTo(page, 'a.lang-switch');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/chi-so\/$/);
    // Tabbing through the search field starts loading its index; leaving the page cancels that.
    expect(problems.filter((p) => !/^requestfailed: .*\/pagefind\//.test(p))).toEqual([]);
  });

  test('the sort radios and the per-capita checkbox of a metric page', async ({ page, problems }) => {
    await page.goto('/chi-so/communes/');
    const figure = page.locator('#ranking-34');
    await tabTo(page, '#ranking-34 input[type=radio]');
    await expectVisibleFocus(page);
    const first = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
    expect(first).toBe('value');
    // Arrow keys move between the radios of a group and select as they go.
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
    expect(second).not.toBe(first);
    await expect(figure.locator('.variant:not([hidden])')).toHaveAttribute('data-sort', second);
    await expect(page).toHaveURL(new RegExp(`sort-34=${second}`));
    await page.keyboard.press('ArrowDown');
    const third = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
    await expect(figure.locator('.variant:not([hidden])')).toHaveAttribute('data-sort', third);
    // Tab leaves the group for the per-capita checkbox; Space toggles it.
    await tabTo(page, '#ranking-34 input[type=checkbox]', 3);
    await expectVisibleFocus(page);
    await page.keyboard.press('Space');
    await expect(figure.locator('input[type=checkbox]')).toBeChecked();
    await expect(figure.locator('.variant:not([hidden])')).toHaveAttribute('data-percap', '1');
    await page.keyboard.press('Space');
    await expect(figure.locator('.variant:not([hidden])')).toHaveAttribute('data-percap', '0');
    // The data table opens from the keyboard too.
    await tabTo(page, '#ranking-34 details.data-table > summary');
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await expect(figure.locator('details.data-table')).toHaveAttribute('open', '');
    expect(problems).toEqual([]);
  });

  test('the metric select of the home map', async ({ page, problems }) => {
    await page.goto('/');
    const select = page.locator('form[data-map-picker] select');
    await tabTo(page, 'form[data-map-picker] select');
    await expectVisibleFocus(page);
    const before = await select.inputValue();
    await page.keyboard.press('ArrowDown');
    await expect(select).not.toHaveValue(before);
    const after = await select.inputValue();
    await expect(page.locator(`.map-variant[data-metric="${after}"]`)).toBeVisible();
    await expect(page.locator(`.map-variant[data-metric="${before}"]`)).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`metric=${after}`));
    // The province tiles of the visible map are links in the tab order.
    await tabTo(page, `.map-variant[data-metric="${after}"] a.tile`);
    await expectVisibleFocus(page);
    expect(problems).toEqual([]);
  });

  test('the compare picker: remove with the buttons, add by typing, arrows and Enter', async ({ page, problems }) => {
    await page.goto('/so-sanh/');
    const chips = page.locator('[data-chips] li');
    await expect(chips).toHaveCount(4);
    // Remove buttons: Enter removes one and focus stays in the list of chips.
    await tabTo(page, '[data-chips] button');
    await expectVisibleFocus(page);
    const removed = await page.evaluate(() => document.activeElement!.getAttribute('data-remove'));
    await page.keyboard.press('Enter');
    await expect(chips).toHaveCount(3);
    await expect(page.locator(`[data-chips] [data-remove="${removed}"]`)).toHaveCount(0);
    await expect(page.locator('[data-chips] button').first()).toBeFocused();
    await expectVisibleFocus(page);
    await page.keyboard.press('Space');
    await expect(chips).toHaveCount(2);
    // The combobox: type, move with the arrows, pick with Enter.
    await tabTo(page, '#compare-input');
    await expectVisibleFocus(page);
    await page.keyboard.type('long an');
    const options = page.locator('#compare-options [role=option]');
    await expect(options.first()).toBeVisible();
    await expect(page.locator('#compare-input')).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('ArrowDown');
    const chosen = await page.locator('#compare-input').getAttribute('aria-activedescendant');
    expect(chosen).toMatch(/^opt-/);
    const label = await page.locator(`#${chosen}`).evaluate((li) => li.firstChild!.textContent!.trim());
    await page.keyboard.press('Enter');
    await expect(chips).toHaveCount(3);
    await expect(page.locator('[data-chips]')).toContainText(label);
    await expect(page.locator('#compare-input')).toBeFocused();
    await expect(page).toHaveURL(/[?&]u=/);
    // Escape closes the list.
    await page.keyboard.type('ha');
    await expect(options.first()).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.locator('#compare-options')).toBeHidden();
    expect(problems).toEqual([]);
  });
});

test.describe('preferences', () => {
  test('prefers-reduced-motion turns transitions and animations off', async ({ page }) => {
    await page.goto('/chi-so/communes/');
    const motion = () => page.locator('.tile rect').first().evaluate((el) => {
      const s = getComputedStyle(el);
      return { transition: s.transitionDuration, animation: s.animationName };
    });
    // With motion allowed the tiles do fade (so the check below measures something).
    expect((await motion()).transition).not.toBe('0s');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await motion()).toEqual({ transition: '0s', animation: 'none' });
    const moving = await page.evaluate(() => Array.from(document.querySelectorAll('*')).filter((el) => {
      const s = getComputedStyle(el);
      return s.transitionDuration.split(',').some((d) => parseFloat(d) > 0) || s.animationName !== 'none';
    }).map((el) => el.tagName).slice(0, 5));
    expect(moving).toEqual([]);
  });

  for (const [path, charts] of [['/', true], ['/chi-so/communes/', true], ['/en/provinces/tay-ninh/', false], ['/so-sanh/', true]] as const) {
    test(`dark mode: ${path}`, async ({ page, problems }) => {
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(path);
      const luminance = (rgb: string) => {
        const [r, g, b] = rgb.match(/[\d.]+/g)!.slice(0, 3).map((v) => Number(v) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const colours = await page.evaluate(() => ({
        body: getComputedStyle(document.body).backgroundColor,
        text: getComputedStyle(document.body).color,
        // Chart text drawn in currentColor (axes, labels, legends; not the labels on coloured tiles).
        chartText: Array.from(document.querySelectorAll('svg text'))
          .filter((t) => t.closest('[fill]')?.getAttribute('fill') === 'currentColor' && (t as SVGTextElement).getBBox().width > 0)
          .slice(0, 50)
          .map((t) => getComputedStyle(t).fill),
      }));
      expect(luminance(colours.body), `body background ${colours.body}`).toBeLessThan(0.05);
      expect(luminance(colours.text), `body text ${colours.text}`).toBeGreaterThan(0.6);
      if (charts) expect(colours.chartText.length).toBeGreaterThan(0);
      // …and so they stand out from the dark background (WCAG contrast of at least 4.5:1).
      const contrast = (c: string) => (luminance(c) + 0.05) / (luminance(colours.body) + 0.05);
      expect(colours.chartText.filter((c) => contrast(c) < 4.5)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    });
  }
});
