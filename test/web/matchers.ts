/**
 * Retrying assertions on Playwright locators for vitest (what @playwright/test's `expect` has, without its test
 * runner): each polls the page until it holds or 10 seconds have passed, then fails with what it last saw.
 */
import type { Locator } from 'playwright-core';
import { expect } from 'vitest';

const TIMEOUT = 10_000;

interface Seen {
  pass: boolean;
  actual: unknown;
}

async function poll(look: () => Promise<Seen>, isNot: boolean): Promise<Seen> {
  const until = Date.now() + TIMEOUT;
  let seen: Seen;
  for (;;) {
    try {
      seen = await look();
    } catch (error) {
      seen = { pass: false, actual: `(${(error as Error).message.split('\n')[0]})` };
    }
    if (seen.pass !== isNot || Date.now() > until) return seen;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const same = (actual: string, expected: string | RegExp) =>
  typeof expected === 'string' ? actual === expected : expected.test(actual);

// In-page functions, typed by what they touch (the tests are type-checked without the DOM library).
interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
interface Element {
  parentElement: Element | null;
  getBoundingClientRect(): Box;
}
interface Window {
  innerWidth: number;
  innerHeight: number;
  getComputedStyle(element: Element): { overflowY: string };
  document: { activeElement: unknown };
}

const isFocused = (element: Element) => element === (globalThis as unknown as Window).document.activeElement;

/** True when the element shows inside the window and inside every scrolling box around it. */
function isInView(element: Element): boolean {
  const window = globalThis as unknown as Window;
  const r = element.getBoundingClientRect();
  let box: Box = { top: 0, left: 0, bottom: window.innerHeight, right: window.innerWidth };
  for (let p = element.parentElement; p; p = p.parentElement) {
    const overflow = window.getComputedStyle(p).overflowY;
    if (overflow === 'auto' || overflow === 'scroll' || overflow === 'hidden') {
      const b = p.getBoundingClientRect();
      box = {
        top: Math.max(box.top, b.top),
        left: Math.max(box.left, b.left),
        bottom: Math.min(box.bottom, b.bottom),
        right: Math.min(box.right, b.right),
      };
    }
  }
  return r.bottom > box.top && r.top < box.bottom && r.right > box.left && r.left < box.right;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the arguments each matcher takes
type Look = (locator: Locator, ...args: any[]) => Promise<Seen>;

function matcher(name: string, look: Look, describe: string) {
  return async function (this: { isNot?: boolean }, locator: Locator, ...args: unknown[]) {
    const isNot = this.isNot === true;
    const seen = await poll(() => look(locator, args[0], args[1]), isNot);
    return {
      pass: seen.pass,
      message: () =>
        `${name}: expected ${locator} ${isNot ? 'not ' : ''}${describe} ${args.map((a) => JSON.stringify(a)).join(', ')}; saw ${JSON.stringify(seen.actual)}`,
    };
  };
}

expect.extend({
  toHaveText: matcher(
    'toHaveText',
    async (locator, expected: string | RegExp | string[]) => {
      if (Array.isArray(expected)) {
        const actual = await locator.allTextContents();
        return { pass: JSON.stringify(actual) === JSON.stringify(expected), actual };
      }
      const actual = (await locator.textContent({ timeout: 1000 })) ?? '';
      return { pass: same(actual, expected), actual };
    },
    'to have text',
  ),
  toContainText: matcher(
    'toContainText',
    async (locator, expected: string) => {
      const actual = (await locator.textContent({ timeout: 1000 })) ?? '';
      return { pass: actual.includes(expected), actual };
    },
    'to contain text',
  ),
  toHaveAttribute: matcher(
    'toHaveAttribute',
    async (locator, name: string, expected: string | RegExp) => {
      const actual = await locator.getAttribute(name, { timeout: 1000 });
      return { pass: actual !== null && same(actual, expected), actual };
    },
    'to have attribute',
  ),
  toHaveValue: matcher(
    'toHaveValue',
    async (locator, expected: string) => {
      const actual = await locator.inputValue({ timeout: 1000 });
      return { pass: actual === expected, actual };
    },
    'to have value',
  ),
  toHaveCount: matcher(
    'toHaveCount',
    async (locator, expected: number) => {
      const actual = await locator.count();
      return { pass: actual === expected, actual };
    },
    'to have count',
  ),
  toBeVisible: matcher(
    'toBeVisible',
    async (locator) => {
      const actual = await locator.isVisible();
      return { pass: actual, actual };
    },
    'to be visible',
  ),
  toBeHidden: matcher(
    'toBeHidden',
    async (locator) => {
      const actual = await locator.isHidden();
      return { pass: actual, actual };
    },
    'to be hidden',
  ),
  toBeFocused: matcher(
    'toBeFocused',
    async (locator) => {
      const actual = await locator.evaluate(isFocused, undefined, { timeout: 1000 });
      return { pass: actual === true, actual };
    },
    'to be focused',
  ),
  toBeInViewport: matcher(
    'toBeInViewport',
    async (locator) => {
      const actual = await locator.evaluate(isInView, undefined, { timeout: 1000 });
      return { pass: actual === true, actual };
    },
    'to be in view',
  ),
});

declare module 'vitest' {
  interface Assertion {
    toHaveText(expected: string | RegExp | string[]): Promise<void>;
    toContainText(expected: string): Promise<void>;
    toHaveAttribute(name: string, expected: string | RegExp): Promise<void>;
    toHaveValue(expected: string): Promise<void>;
    toHaveCount(expected: number): Promise<void>;
    toBeVisible(): Promise<void>;
    toBeHidden(): Promise<void>;
    toBeFocused(): Promise<void>;
    toBeInViewport(): Promise<void>;
  }
}
