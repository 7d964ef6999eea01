import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The `@example` blocks of the table stage's public functions run as tests: the code,
 * then `expression // expected` (the expected value may go on over `//` lines below).
 * Objects are compared as a subset of the result, so an example shows the fields that matter.
 */
const MODULES = [
  'read/grid.ts',
  'read/docx-table.ts',
  'read/pdf-grid.ts',
  'table/values.ts',
  'table/headers.ts',
  'table/records.ts',
  'table/text-tables.ts',
  'table/flattened.ts',
  'table/text.ts',
];
const SRC = join(import.meta.dirname, '..', '..', 'src');

interface Example {
  name: string;
  code: string;
  expression: string;
  expected: string;
}

function examples(source: string): Example[] {
  const out: Example[] = [];
  for (const m of source.matchAll(/\/\*\*([\s\S]*?)\*\/\s*export\s+(?:async\s+)?function\s+(\w+)/g)) {
    const doc = m[1]!.split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
    const at = doc.findIndex((l) => l.startsWith('@example'));
    if (at < 0) continue;
    const lines = doc.slice(at + 1).filter((l) => l.trim() !== '');
    const end = lines.findIndex((l) => l.startsWith('@'));
    const body = (end < 0 ? lines : lines.slice(0, end)).map((l) => l.replace(/^ {2}/, ''));
    let last = body.length - 1;
    const tail: string[] = [];
    while (last >= 0 && body[last]!.trim().startsWith('//')) tail.unshift(body[last--]!.trim().slice(2));
    const line = body[last]!;
    const split = line.indexOf(' // ');
    const expression = split >= 0 ? line.slice(0, split) : line;
    const expected = [split >= 0 ? line.slice(split + 4) : '', ...tail].join(' ');
    out.push({ name: m[2]!, code: body.slice(0, last).join('\n'), expression, expected });
  }
  return out;
}

describe('@example blocks of the table stage', () => {
  for (const file of MODULES) {
    const list = examples(readFileSync(join(SRC, file), 'utf8'));
    it(`${file} has examples`, () => expect(list.length).toBeGreaterThan(0));
    for (const example of list) {
      it(`${file}: ${example.name}`, async () => {
        const module = (await import(join(SRC, file))) as Record<string, unknown>;
        const names = Object.keys(module);
        const source = `const run = () => {\n${example.code}\nreturn [(${example.expression}), (${example.expected})];\n};`;
        const js = transformSync(source, { loader: 'ts' }).code;
        // The module's exports are the example's free names.
        const run = new Function('exports', `const { ${names.join(', ')} } = exports;\n${js}\nreturn run();`);
        const [actual, expected] = run(module) as [unknown, unknown];
        if (expected !== null && typeof expected === 'object') expect(actual).toMatchObject(expected as object);
        else expect(actual).toEqual(expected);
      });
    }
  }
});
