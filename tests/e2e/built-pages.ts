import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { serve } from './static-server';

/** The built web pages the browser tests open (npm run build). */
export const DIST = join(resolve(__dirname, '../..'), 'dist', 'web');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Serves dist/web and launches Debian's Chromium (headless) once for a test file: call at the file's top level; the
 * returned getters are valid inside its tests. `entry` is the page the file needs built.
 */
export function builtPages(entry = 'preview.html'): { readonly browser: Browser; readonly url: string } {
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serve>> | undefined;
  beforeAll(async () => {
    if (!existsSync(join(DIST, entry))) throw new Error('dist/web is not built: run `npm run build` first');
    server = await serve(DIST);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('Chromium is not launched (builtPages is used outside a test)');
      return browser;
    },
    get url() {
      if (!server) throw new Error('dist/web is not served (builtPages is used outside a test)');
      return server.url;
    },
  };
}
