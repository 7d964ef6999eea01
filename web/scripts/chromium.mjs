// Starts the system's Chromium (Debian's `chromium` package) through playwright-core, headless, with no network
// of its own: no background requests, no updates, no sync. A missing browser is an error that says how to get one.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** Where Chromium is: $CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches headless Chromium (Playwright gives each launch a fresh, empty --user-data-dir).
 * @returns {Promise<import('playwright-core').Browser>}
 */
export async function launchChromium() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. The browser tests need it: on Debian or Ubuntu run ` +
        '`apt-get install -y chromium` (as root), or set CHROMIUM_PATH to a Chromium or Chrome executable.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}
