// html-validate configuration for the built site (tests/e2e/html-validate.spec.ts validates every page
// in dist/; `npx html-validate "dist/**/*.html"` does the same from the command line).
import { defineConfig } from 'html-validate';

export default defineConfig({
  root: true,
  extends: ['html-validate:recommended'],
  rules: {
    // The chart controls (sort, per capita, map metric) are forms that apply on change and are never
    // submitted; a change swaps a chart, not the context (WCAG 3.2.2 holds), so no submit button.
    'wcag/h32': 'off',
    // The compare picker is an ARIA combobox with a filtered listbox (type "long an", pick a
    // province): a native <select> cannot filter by typed text with or without diacritics.
    'prefer-native-element': ['error', { exclude: ['combobox', 'listbox'] }],
    // Page titles carry the full metric name, which can be long; search engines shorten, not reject.
    'long-title': ['error', { maxlength: 140 }],
  },
});
