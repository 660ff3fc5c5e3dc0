// @ts-check
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://tinhgon.example',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
});
