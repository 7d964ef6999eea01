/**
 * The package as users get it: built (`npm run build` first when dist/ is missing or older
 * than the sources: never skipped), packed with `npm pack`, and installed into a fresh
 * project outside this repository. Its dependencies are linked from this repository's
 * node_modules (what `npm ci` filled), so the install works offline and takes a second.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configJsonSchema, profileJsonSchema, reportJsonSchema } from '../../src/schema.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
};

/** Latest modification time of the files under `path`. */
function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), 0);
}

/** Builds the package unless dist/ holds every output and is newer than what it is built from. */
function ensureBuilt(): void {
  const outputs = ['index.js', 'index.cjs', 'index.d.ts', 'schema.js', 'schema.json', 'config.schema.json'];
  const sources = Math.max(
    newest(join(ROOT, 'src')),
    newest(join(ROOT, 'package.json')),
    newest(join(ROOT, 'tsup.config.ts')),
  );
  const built = outputs.every((f) => existsSync(join(DIST, f)) && statSync(join(DIST, f)).mtimeMs >= sources);
  if (!built) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe' });
}

/** The README's `npm install …` packages (besides jixiao itself). */
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const readmePackages = [
  ...new Set(
    [...README.matchAll(/npm install ([^`\n]+)/g)].flatMap((m) =>
      m[1]!.split(/\s+/).filter((word) => word && !word.startsWith('-') && word !== 'jixiao'),
    ),
  ),
];

let consumer = '';

beforeAll(() => {
  ensureBuilt();
  consumer = mkdtempSync(join(tmpdir(), 'jixiao-consumer-'));
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', consumer], { cwd: ROOT, stdio: 'pipe' });
  const link = (name: string) => `file:${join(ROOT, 'node_modules', name)}`;
  const dependencies: Record<string, string> = { jixiao: `file:./jixiao-${pkg.version}.tgz` };
  for (const name of [...Object.keys(pkg.dependencies), ...readmePackages]) dependencies[name] = link(name);
  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify({ name: 'jixiao-consumer', private: true, type: 'module', dependencies }, null, 2),
  );
  execFileSync('npm', ['install', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', '--no-package-lock'], {
    cwd: consumer,
    stdio: 'pipe',
  });
}, 600_000);

afterAll(() => {
  if (consumer) rmSync(consumer, { recursive: true, force: true });
});

const run = (file: string, args: string[] = [], env: Record<string, string> = {}) =>
  execFileSync(process.execPath, [...args, file], { cwd: consumer, encoding: 'utf8', env: { ...process.env, ...env } });

describe('the built package', () => {
  it('ships the JSON Schemas generated from the zod schemas', () => {
    const json = (name: string) => JSON.parse(readFileSync(join(DIST, name), 'utf8'));
    expect(json('schema.json')).toEqual(reportJsonSchema());
    expect(json('schema.json').$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(json('profile.schema.json')).toEqual(profileJsonSchema());
    // The configuration file: the core's options, and the CLI's own on top.
    const config = json('config.schema.json');
    expect(Object.keys(config.properties)).toEqual([
      ...Object.keys((configJsonSchema() as { properties: object }).properties),
      'encoding',
      'maxSize',
      'maxExpandedSize',
      'timeout',
      'maxMemory',
      'ignore',
    ]);
  });

  it('loads from ESM and CommonJS, the core, jixiao/markdown and jixiao/schema', () => {
    writeFileSync(
      join(consumer, 'load.mjs'),
      [
        "import { createRequire } from 'node:module';",
        "import * as esm from 'jixiao';",
        "import * as schema from 'jixiao/schema';",
        'const require = createRequire(import.meta.url);',
        "const cjs = require('jixiao');",
        "const cjsSchema = require('jixiao/schema');",
        "import * as markdown from 'jixiao/markdown';",
        "const cjsMarkdown = require('jixiao/markdown');",
        "const tree = cjs.parse('一、基本情况\\n保密');",
        "console.log(esm.outline(esm.parse('一、基本情况\\n保密')).length, cjs.outline(tree).length,",
        '  schema.ReportSchema.safeParse(tree).success, cjsSchema.ReportSchema.safeParse(esm.parse("x")).success);',
        'const md = markdown.toMarkdown(tree);',
        'console.log(JSON.stringify(md), cjs.outline(cjsMarkdown.fromMarkdown(md)).length, markdown.fromMarkdown(md).data.format);',
      ].join('\n'),
    );
    expect(run('load.mjs').trim().split('\n')).toEqual(['1 1 true true', '"## 一、基本情况\\n\\n保密\\n" 1 markdown']);
  });
});

describe('the browser bundle (esbuild, minified, gzip)', () => {
  async function bundle(contents: string) {
    const result = await build({
      stdin: { contents, resolveDir: consumer, loader: 'js' },
      bundle: true,
      minify: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.contents;
    return { gzip: gzipSync(code).length, inputs: Object.keys(result.metafile.inputs) };
  }

  /**
   * Issue 16's targets: `import {parse}` at most 50 KB, the whole core at most 60 KB. The core held them
   * until the self-evaluation forms (issue 11) and every error worded in Chinese took it to 85.5 KB (parse
   * 52.9 KB); Markdown, both ways, then moved to `jixiao/markdown` (micromark and mdast-util-to-markdown
   * were about 30 KB of it), so a page that reads text, Word or PDF files carries neither.
   */
  const PARSE_TARGET = 50 * 1024;
  const CORE_TARGET = 60 * 1024;
  /** What the core must not carry: zod (jixiao/schema), the Markdown parser and writer (jixiao/markdown). */
  const NOT_IN_CORE = /\/node_modules\/(?:zod|micromark[^/]*|mdast-util-(?:from|to)-markdown)\//;

  it('keeps parse within 50 KB and the whole core within 60 KB, with no zod and no Markdown in it', async () => {
    const parse = await bundle("export { parse } from 'jixiao';");
    const core = await bundle("export * from 'jixiao';");
    const markdown = await bundle("export * from 'jixiao/markdown';");
    console.info(
      `gzip: import {parse} ${parse.gzip} B (target ${PARSE_TARGET}), the whole core ${core.gzip} B ` +
        `(target ${CORE_TARGET}); jixiao/markdown ${markdown.gzip} B`,
    );
    expect(parse.gzip).toBeLessThanOrEqual(PARSE_TARGET);
    expect(core.gzip).toBeLessThanOrEqual(CORE_TARGET);
    expect(core.inputs.filter((f) => NOT_IN_CORE.test(f))).toEqual([]);
    expect(core.inputs.some((f) => f.includes('/jixiao/dist/index.js'))).toBe(true);
    // jixiao/markdown does carry them, and reads a report with the core's code (one copy of it).
    expect(markdown.inputs.some((f) => f.includes('/micromark/'))).toBe(true);
    expect(markdown.inputs.some((f) => f.includes('/mdast-util-to-markdown/'))).toBe(true);
  });
});

describe('a TypeScript project that uses jixiao and mdast (strict, nodenext, no skipLibCheck)', () => {
  it('compiles, an exhaustive switch over mdast phrasing content included', () => {
    writeReadmeExamples();
    writeFileSync(
      join(consumer, 'consumer.ts'),
      `import type { PhrasingContent, Text } from 'mdast';
import { check, extract, parse, type Money, type Report, type ReportNode, type TextNode } from 'jixiao';
import { toMarkdown } from 'jixiao/markdown';
import { ReportSchema } from 'jixiao/schema';

/** Every kind of mdast phrasing content, and nothing else: jixiao adds none. */
export function kind(node: PhrasingContent): string {
  switch (node.type) {
    case 'break':
    case 'delete':
    case 'emphasis':
    case 'footnoteReference':
    case 'html':
    case 'image':
    case 'imageReference':
    case 'inlineCode':
    case 'link':
    case 'linkReference':
    case 'strong':
    case 'text':
      return node.type;
    default: {
      const never: never = node;
      return never;
    }
  }
}

const tree: Report = ReportSchema.parse(parse('一、基本情况\\n支出520万元。'));
const money = extract(tree).find((r) => r.kind === 'money');
const leaf: TextNode | Money | undefined = undefined;
const text: Text = { type: 'text', value: toMarkdown(tree) };
const nodes: ReportNode[] = [tree];
export const summary = [money?.value, leaf, text.value, nodes.length, check(tree).length];
`,
    );
    expect(typeErrors('consumer.ts')).toBe('');
  }, 300_000);
});

let compiled: string | undefined;

/**
 * What tsc reports about `file` when the consumer project compiles (one compile, cached:
 * the TypeScript file and the README examples, checked as JavaScript): '' when it is clean.
 */
function typeErrors(file: string): string {
  if (compiled === undefined) {
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          allowJs: true,
          checkJs: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          noEmit: true,
          // Only for the README examples' `node:fs`: jixiao's types need no Node types.
          types: ['node'],
          typeRoots: [join(ROOT, 'node_modules', '@types')],
        },
        include: ['consumer.ts', 'readme-*.mjs'],
      }),
    );
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    try {
      execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: consumer, encoding: 'utf8', stdio: 'pipe' });
      compiled = '';
    } catch (error) {
      const { stdout, stderr } = error as { stdout: string; stderr: string };
      compiled = `${stdout}${stderr}`;
    }
  }
  // One message per error (continuation lines are indented); errors elsewhere (in jixiao's
  // or mdast's types) concern every file.
  const messages = compiled.split(/\n(?=\S)/).filter((m) => m.trim());
  return messages.filter((m) => m.startsWith(file) || !/^(?:readme-|consumer\.ts)/.test(m)).join('\n');
}

/** The README's JavaScript examples, with the language section each stands in. */
function readmeExamples(): Array<{ name: string; code: string }> {
  const english = README.indexOf('\n## English');
  return [...README.matchAll(/```js\n([^]*?)```/g)].map((m, i) => ({
    name: `${m.index! > english ? 'en' : 'zh'}-${i + 1}`,
    code: m[1]!,
  }));
}

/**
 * What an example's comments say it prints: for each `console.log(…)` line, its trailing
 * `// …` comment (or, when it has none, the comment line right below it).
 */
function expectations(code: string): Array<{ line: number; says: string }> {
  const lines = code.split('\n');
  const out: Array<{ line: number; says: string }> = [];
  lines.forEach((text, i) => {
    if (!text.includes('console.log(')) return;
    const trailing = /\);?\s*\/\/ (.*)$/.exec(text);
    const below = /^\s*\/\/ (.*)$/.exec(lines[i + 1] ?? '');
    const says = trailing?.[1] ?? below?.[1];
    if (says) out.push({ line: i + 1, says });
  });
  return out;
}

/** The JavaScript literal an expectation starts with, and whether `…` marks it partial. */
function literal(says: string): { value: unknown; partial: boolean } | undefined {
  const open = says[0];
  if (open !== "'" && open !== '"' && open !== '{' && open !== '[' && !/^-?\d/.test(says)) return undefined;
  let end = 0;
  if (open === "'" || open === '"') {
    for (end = 1; end < says.length && says[end] !== open; end++) if (says[end] === '\\') end++;
    end++;
  } else if (open === '{' || open === '[') {
    let depth = 0;
    let quote = '';
    for (; end < says.length; end++) {
      const c = says[end]!;
      if (quote) {
        if (c === '\\') end++;
        else if (c === quote) quote = '';
      } else if (c === "'" || c === '"') quote = c;
      else if (c === '{' || c === '[') depth++;
      else if ((c === '}' || c === ']') && --depth === 0) break;
    }
    end++;
  } else end = /^-?[\d.]+/.exec(says)![0].length;
  const source = says.slice(0, end);
  const partial = source.includes('…') || /^\s*…/.test(says.slice(end));
  const value = new Function(`return (${source.replace(/,\s*…/g, '').replace(/…/g, '')});`)();
  return { value, partial };
}

/** `text` with runs of white space as one space. */
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Writes the README examples into the consumer project, with the report they read. */
function writeReadmeExamples(): void {
  for (const { name, code } of readmeExamples()) writeFileSync(join(consumer, `readme-${name}.mjs`), code);
  writeFileSync(join(consumer, 'report.txt'), readFileSync(join(ROOT, 'fixtures', 'seed-shaodong-2020.txt')));
  writeFileSync(join(consumer, 'form.txt'), readFileSync(join(ROOT, 'fixtures', 'forms', 'roads-tab.txt')));
}

describe('the README examples, run as written in a fresh project', () => {
  const examples = readmeExamples();
  beforeAll(writeReadmeExamples);

  it('are found, in both languages, with the packages they need named in the README', () => {
    expect(examples.map((e) => e.name.slice(0, 2))).toEqual(['zh', 'zh', 'zh', 'zh', 'en', 'en', 'en', 'en']);
    expect(readmePackages.sort()).toEqual(['remark-parse', 'unified', 'vfile-reporter', 'zod']);
  });

  for (const { name, code } of examples) {
    it(`${name}: runs, prints what its comments say, and type-checks`, () => {
      const file = `readme-${name}.mjs`;
      writeFileSync(
        join(consumer, 'capture.mjs'),
        `import { writeFileSync } from 'node:fs';
const printed = [];
const log = console.log;
console.log = (...args) => {
  const frame = new Error().stack.split('\\n').find((l) => l.includes(process.env.EXAMPLE)) ?? '';
  printed.push({ line: Number(/:(\\d+):\\d+\\)?$/.exec(frame)?.[1] ?? 0), value: args[0] });
  log(...args);
};
process.on('exit', () => writeFileSync(process.env.PRINTED, JSON.stringify(printed, (key, value) =>
  value instanceof Error ? { ...value, message: value.message } : value)));
`,
      );
      const printedFile = join(consumer, `${file}.json`);
      run(file, ['--import', './capture.mjs'], { EXAMPLE: file, PRINTED: printedFile });
      const printed = JSON.parse(readFileSync(printedFile, 'utf8')) as Array<{ line: number; value: unknown }>;

      const expected = expectations(code);
      expect(expected.length).toBeGreaterThan(0);
      for (const { line, says } of expected) {
        const first = printed.find((p) => p.line === line);
        expect(first, `line ${line} printed nothing`).toBeDefined();
        const actual = first!.value;
        const known = literal(says);
        if (known && typeof known.value === 'object' && known.value !== null) {
          if (known.partial) expect(actual, `line ${line}`).toMatchObject(known.value);
          else expect(actual, `line ${line}`).toEqual(known.value);
        } else if (known) {
          if (known.partial) expect(String(actual).startsWith(String(known.value)), `line ${line}`).toBe(true);
          else expect(actual, `line ${line}`).toEqual(known.value);
        } else {
          // Words with `…` for what is left out: each piece in order, white space aside.
          const pieces = says.split('…').map(squeeze);
          let at = 0;
          const text = squeeze(String(actual));
          pieces.forEach((piece, k) => {
            if (!piece) return;
            const found = text.indexOf(piece, at);
            expect(found, `line ${line}: “${piece}” in “${text.slice(0, 300)}”`).toBeGreaterThanOrEqual(0);
            if (k === 0) expect(found, `line ${line}: starts with “${piece}”`).toBe(0);
            at = found + piece.length;
          });
        }
      }

      expect(typeErrors(file)).toBe('');
    }, 300_000);
  }
});
