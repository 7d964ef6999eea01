/**
 * What the browser test files share: the page built once for all of them (`web/build.mjs`, into a folder of its
 * own, so a developer's web/dist is left alone), served from 127.0.0.1, and Debian's Chromium through
 * playwright-core with every request any page makes recorded. The type check that `npm run web` runs before
 * building is a test of its own (typecheck.test.ts), run alongside these.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { build } from '../../web/build.mjs';
import { strings } from '../../web/src/i18n.js';
import { settingNamed } from '../../web/src/lib/rc.js';
import { launchChromium } from '../../web/scripts/chromium.mjs';
import { serve, type Served } from '../../web/scripts/serve.mjs';

export const ROOT = join(import.meta.dirname, '..', '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'jixiao-web');
/** The build the tests use. */
export const DIST = join(CACHE, 'dist');

/** Everything the build reads of the repository: its sources, the core, the rules' docs, the installed packages. */
function buildKey(): string {
  const digest = createHash('sha256');
  const add = (path: string) => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) if (name !== 'dist') add(join(path, name));
    } else digest.update(relative(ROOT, path)).update('\0').update(readFileSync(path)).update('\0');
  };
  for (const path of ['web', 'src', join('docs', 'rules'), 'package.json', 'package-lock.json']) add(join(ROOT, path));
  return digest.digest('hex');
}

/**
 * Builds the page once for every browser test file of a run (they run at once, in several processes: the first to
 * come builds under a lock, the others wait for it and use its build), and again only when an input changed.
 */
export async function builtPage(): Promise<string> {
  mkdirSync(CACHE, { recursive: true });
  const lock = join(CACHE, 'build.lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // Held by another test file while it builds (seconds); one left by a killed run is old.
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    const key = buildKey();
    const keyFile = join(CACHE, 'dist.key');
    if (existsSync(join(DIST, 'index.html')) && existsSync(keyFile) && readFileSync(keyFile, 'utf8') === key)
      return DIST;
    rmSync(keyFile, { force: true });
    await build(DIST);
    writeFileSync(keyFile, key);
    return DIST;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface Opened {
  context: BrowserContext;
  page: Page;
  /** Checks that the page threw nothing, then closes it. */
  done(): Promise<void>;
}

/**
 * A browser and the built page on a server, for one test file: `start()` in beforeAll, `close()` in afterAll.
 * A missing Chromium or a failed build fails every test with the reason (vitest would skip them if beforeAll
 * threw): the browser tests never skip.
 */
export class BrowserSession {
  browser!: Browser;
  server!: Served;
  /** Every URL any page asked for, across the file's tests. */
  readonly requested: string[] = [];
  private error: Error | undefined;

  async start(): Promise<void> {
    try {
      this.browser = await launchChromium();
      this.server = await serve(await builtPage());
    } catch (error) {
      this.error = error as Error;
    }
  }

  async close(): Promise<void> {
    await this.browser?.close();
    await this.server?.close();
  }

  /** The page's address: served from 127.0.0.1, or the built index.html as a file (file://). */
  url(how: 'http' | 'file' = 'http'): string {
    if (this.error) throw this.error;
    return how === 'http' ? this.server.url : `file://${join(DIST, 'index.html')}`;
  }

  async newPage(): Promise<Opened> {
    if (this.error) throw this.error;
    const context = await this.browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    context.on('request', (request) => this.requested.push(request.url()));
    // Anything not for the test server is recorded and refused, so a stray request fails the last test, not the
    // network.
    await context.route(
      (url) => url.protocol !== 'file:' && url.hostname !== '127.0.0.1',
      (route) => route.abort(),
    );
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (m) => process.env.DEBUG_WEB && console.error('page:', m.text()));
    const done = async () => {
      expect(errors).toEqual([]);
      await context.close();
    };
    return { context, page, done };
  }

  /** Checks that no page asked for anything but the test server's page and assets (and file://, blob:, data:). */
  expectNoRequestAway(): void {
    if (this.error) throw this.error;
    expect(this.requested.length).toBeGreaterThan(0);
    const away = this.requested.filter((url) => {
      const { protocol, hostname } = new URL(url);
      return !(protocol === 'blob:' || protocol === 'data:' || protocol === 'file:' || hostname === '127.0.0.1');
    });
    expect(away).toEqual([]);
    // The server saw the page, its assets and the rules' pages only.
    expect(this.server.requests.every((path) => /^\/(assets\/|rules\/|$)/.test(path))).toBe(true);
  }
}

/**
 * Waits until an expression is true in the page. In-page code is a string (the tests are type-checked without the
 * DOM library), evaluated through the DevTools protocol: page.waitForFunction would `eval` it, which the page's
 * Content-Security-Policy forbids, as it should.
 */
export async function until(page: Page, expression: string, timeout = 60_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Gives the file input these files and waits until the engine has answered for all of them. */
export async function addFiles(page: Page, paths: string[]): Promise<void> {
  await page.setInputFiles('#file-input', paths);
  await until(
    page,
    `document.querySelectorAll('.files tbody tr').length >= ${paths.length} &&
     document.querySelectorAll('.files td.pending').length === 0`,
  );
}

/** Opens a file's report from the batch table. */
export async function openFile(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
  await page.waitForSelector('.source');
}

/** A file's row in the batch table. */
export function fileRow(page: Page, name: string) {
  return page.locator('.files tbody tr', { has: page.getByRole('button', { name, exact: true }) });
}

/** The source text the report view shows: each line's text after its line number, together. */
export async function shownSource(page: Page): Promise<string> {
  return (await page.evaluate(
    `[...document.querySelectorAll('.source .line')].map((l) => [...l.childNodes].slice(1).map((n) => n.textContent).join('')).join('')`,
  )) as string;
}

/** A reader's reason as the page shows it: where it names a CLI flag, with what does the same in the page. */
export function inPage(reason: string, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const key = settingNamed(reason);
  return key ? reason + strings(locale).inPage(key) : reason;
}
