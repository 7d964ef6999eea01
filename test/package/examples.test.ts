/**
 * The `@example` blocks of the JSDoc run as tests, so an example that goes stale fails.
 *
 * Which: every public declaration (exported by `jixiao`, `jixiao/markdown` or `jixiao/schema`), and every
 * exported declaration of the core's stages (text, outline, figures, parse, tree, check,
 * extract, markdown, unified, errors; read/ and table/ have their own test). How an example
 * is read:
 *
 * - its lines run in order, in one scope: the exports of the core's modules (the public API
 *   over the others, the declaring folder's over the public API, the declaring module's over
 *   all), `seed` (the seed report's text; `text` is the same), `markdown` (its Markdown),
 *   `unified`, `remarkParse`, `VFile`, `reporter` (vfile-reporter), and `myPhoneNumberParser`
 *   (a figure parser of the user's that finds nothing); a statement may go on over the next
 *   lines while its brackets are open;
 * - `expression // value` asserts that the expression equals the value, a JavaScript
 *   literal; `…` in an object or array literal means "and more" (a partial match); a
 *   comment on the lines right below an expression with none of its own is its value;
 * - `expression // throws JixiaoError: message` asserts the error and how its message starts.
 */
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import remarkParse from 'remark-parse';
import ts from 'typescript';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import { describe, expect, it } from 'vitest';
import * as jixiao from '../../src/index.js';
import * as markdownEntry from '../../src/markdown.js';
import * as schema from '../../src/schema.js';
import { fixture } from '../helpers/fixtures.js';
import { ENTRIES, program as create, ROOT } from './program.js';

const OWN =
  /^src\/(?:text|outline|figures|parse|tree|check|extract|markdown|unified)\/|^src\/(?:errors|index|markdown|schema)\.ts$/;

interface Example {
  name: string;
  file: string;
  code: string;
}

/** The examples to run: of public declarations, and of every exported declaration in the core's own folders. */
function collect(): { examples: Example[]; undocumented: string[] } {
  const { program, checker } = create();
  const seen = new Set<ts.Declaration>();
  const examples: Example[] = [];
  const undocumented: string[] = [];
  const take = (symbol: ts.Symbol, isPublic: boolean) => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    for (const declaration of target.declarations ?? []) {
      if (seen.has(declaration)) continue;
      seen.add(declaration);
      const file = relative(ROOT, declaration.getSourceFile().fileName);
      if (!isPublic && !OWN.test(file)) continue;
      const tags = ts.getJSDocTags(declaration).filter((t) => t.tagName.text === 'example');
      const isFunction =
        ts.isFunctionDeclaration(declaration) ||
        (target.flags & ts.SymbolFlags.Value &&
          ts.isVariableDeclaration(declaration) &&
          declaration.initializer &&
          (ts.isFunctionExpression(declaration.initializer) || ts.isArrowFunction(declaration.initializer)));
      if (isPublic && isFunction && tags.length === 0 && OWN.test(file)) undocumented.push(`${symbol.name} (${file})`);
      for (const tag of tags) {
        const comment = typeof tag.comment === 'string' ? tag.comment : ts.getTextOfJSDocComment(tag.comment);
        if (comment) examples.push({ name: `${target.name} (${file})`, file, code: comment });
      }
    }
  };
  for (const entry of ENTRIES) {
    for (const symbol of checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)!)!)) {
      take(symbol, true);
    }
  }
  for (const source of program.getSourceFiles()) {
    if (!OWN.test(relative(ROOT, source.fileName))) continue;
    const module = checker.getSymbolAtLocation(source);
    if (module) for (const symbol of checker.getExportsOfModule(module)) take(symbol, false);
  }
  return { examples, undocumented };
}

/** Splits an example into steps: code, and the value or error it should give. */
function steps(code: string): Array<{ code: string; says?: string; line: number }> {
  const out: Array<{ code: string; says?: string; line: number }> = [];
  let open = 0;
  code.split('\n').forEach((text, i) => {
    const comment = /^\s*\/\/ ?(.*)$/.exec(text);
    const last = out[out.length - 1];
    if (open > 0) {
      // The statement of the line before goes on (a comment line inside it is part of its code).
      const at = comment ? -1 : commentStart(text);
      last!.code += '\n' + (at >= 0 ? text.slice(0, at).trimEnd().replace(/;$/, '') : text);
      if (at >= 0) last!.says = text.slice(at + 2).trim();
      last!.line = i;
      open += depth(at >= 0 ? text.slice(0, at) : text);
      return;
    }
    if (comment) {
      // A comment under an expression that had none: its value (perhaps over several lines).
      if (last && (last.says === undefined || last.line === i)) {
        last.says = last.says === undefined ? comment[1]! : `${last.says} ${comment[1]!.trim()}`;
        last.line = i + 1;
      }
      return;
    }
    const at = commentStart(text);
    if (at >= 0)
      out.push({ code: text.slice(0, at).trimEnd().replace(/;$/, ''), says: text.slice(at + 2).trim(), line: i });
    else if (text.trim()) out.push({ code: text, line: i });
    open = depth(at >= 0 ? text.slice(0, at) : text);
  });
  return out;
}

/** The positions of a line of code outside its string literals, in order. */
function* codeAt(line: string): Generator<number> {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else yield i;
  }
}

/** How many brackets a line of code leaves open (outside strings). */
function depth(line: string): number {
  let open = 0;
  for (const i of codeAt(line)) {
    if ('([{'.includes(line[i]!)) open++;
    else if (')]}'.includes(line[i]!)) open--;
  }
  return open;
}

/** Where a line's `//` comment starts (outside strings), or -1. */
function commentStart(line: string): number {
  for (const i of codeAt(line)) {
    if (line[i] === '/' && line[i + 1] === '/' && (i === 0 || /\s/.test(line[i - 1]!))) return i;
  }
  return -1;
}

/** A JavaScript literal with `…` for "and more": the value, and whether it is partial. */
function literal(source: string): { value: unknown; partial: boolean } {
  const partial = source.includes('…');
  const value = new Function(`return (${source.replace(/,\s*…/g, '').replace(/…/g, '')});`)();
  return { value, partial };
}

/** The core's modules (src/ without src/node), as paths from the root. */
const CORE = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
  .map((f) => `src/${f.split('\\').join('/')}`)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.startsWith('src/node/'));

/** The exports of these modules, later ones over earlier ones. */
async function exportsOf(files: string[]): Promise<Record<string, unknown>> {
  const scope: Record<string, unknown> = {};
  for (const file of files) Object.assign(scope, (await import(join(ROOT, file))) as Record<string, unknown>);
  return scope;
}

const seed = fixture('seed-shaodong-2020.txt');
const scopeOf = async (file: string): Promise<Record<string, unknown>> => ({
  ...(await exportsOf(CORE)),
  ...jixiao,
  ...markdownEntry,
  ...schema,
  ...(await exportsOf(CORE.filter((f) => dirname(f) === dirname(file)))),
  ...((await import(join(ROOT, file))) as Record<string, unknown>),
  seed,
  text: seed,
  markdown: fixture('seed-shaodong-2020.md'),
  unified,
  remarkParse,
  VFile,
  reporter,
  myPhoneNumberParser: { name: 'phone', find: () => [] },
});

async function run(example: Example): Promise<number> {
  const scope = await scopeOf(example.file);
  const lines: string[] = [];
  let checks = 0;
  for (const step of steps(example.code)) {
    const js = ts.transpile(step.code, { target: ts.ScriptTarget.ES2022 }).trim().replace(/;$/, '');
    if (step.says === undefined) {
      lines.push(js + ';');
      continue;
    }
    checks++;
    const thrown = /^throws (\w+)(?:: (.*))?$/.exec(step.says);
    if (thrown) {
      lines.push(`__throws(() => (${js}), ${JSON.stringify(thrown[1])}, ${JSON.stringify(thrown[2] ?? '')});`);
    } else {
      lines.push(`__equals(await (${js}), ${JSON.stringify(step.says)});`);
    }
  }
  const helpers = {
    __equals(actual: unknown, says: string) {
      const { value, partial } = literal(says);
      if (partial && typeof value === 'object') {
        if (Array.isArray(value)) expect((actual as unknown[]).slice(0, value.length)).toMatchObject(value);
        else expect(actual).toMatchObject(value as object);
      } else expect(actual).toEqual(value);
    },
    __throws(fn: () => unknown, name: string, message: string) {
      let error: unknown;
      try {
        fn();
      } catch (e) {
        error = e;
      }
      expect((error as Error | undefined)?.name, `throws ${name}`).toBe(name);
      const prefix = message.replace(/\s*…$/, '');
      expect((error as Error).message.startsWith(prefix), `“${(error as Error).message}” starts with “${prefix}”`).toBe(
        true,
      );
    },
  };
  // The scope's names become the parameters of one async function whose body is the example.
  const bindings = { ...scope, ...helpers };
  const AsyncFunction = (async () => {}).constructor as FunctionConstructor;
  const body = new AsyncFunction(
    'scope',
    // The example in a block of its own: it may declare a name the scope has (`const text = …`).
    `const { ${Object.keys(bindings).join(', ')} } = scope;\n{\n${lines.join('\n')}\n}`,
  );
  await body(bindings);
  return checks;
}

describe('JSDoc examples', () => {
  const { examples, undocumented } = collect();

  it('every public function of the core has one', () => {
    expect(undocumented).toEqual([]);
    expect(examples.length).toBeGreaterThan(20);
  });

  for (const example of examples) {
    it(example.name, async () => {
      const checks = await run(example);
      // An example with no stated value checks nothing: the core's own must state one.
      if (OWN.test(example.file)) expect(checks).toBeGreaterThan(0);
    });
  }
});
