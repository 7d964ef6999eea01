import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type ParseOptions, type Report } from '../../src/index.js';
import { fromMarkdown } from '../../src/markdown.js';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

/** A fixture's text, exactly as stored (BOM and CRLF included). */
export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** Every plain-text fixture report. */
export function fixtureNames(): string[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

/**
 * Parses what a reader gave (or a fixture by its extension) as a program using jixiao does:
 * Markdown with `fromMarkdown` (jixiao/markdown), text with the core's `parse`.
 */
export function parseAs(format: 'text' | 'markdown', text: string, options: ParseOptions = {}): Report {
  return format === 'markdown' ? fromMarkdown(text, options) : parse(text, options);
}
