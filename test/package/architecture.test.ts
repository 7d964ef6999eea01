/**
 * Keeps docs/architecture.md honest: the folders of src/ are layers, and a file imports
 * only from its own folder or from layers below it.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SRC = join(ROOT, 'src');

/**
 * The layers, lowest first, as docs/architecture.md draws them. A folder (or top-level
 * file) of src/ belongs to one; folders on one layer do not import each other.
 */
const LAYERS: string[][] = [
  ['tree', 'errors.ts'],
  ['text'],
  ['outline'],
  ['figures'],
  ['read'],
  ['table'],
  ['parse'],
  ['check', 'extract'],
  ['markdown'],
  ['unified'],
  ['index.ts', 'markdown.ts', 'schema.ts'],
  ['node'],
];
/** The modules that build zod schemas: the core imports them for their types only. */
const ZOD_MODULES = ['src/tree/schema.ts', 'src/check/config.ts', 'src/check/profiles/schema.ts'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

interface Import {
  from: string;
  specifier: string;
  /** The src file it names, for relative imports. */
  to?: string;
  typeOnly: boolean;
}

/** Every import and re-export of a file, as written, with `import type` told apart. */
function importsOf(file: string): Import[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const out: Import[] = [];
  const add = (specifier: string, typeOnly: boolean) => {
    const target = specifier.startsWith('.') ? resolve(dirname(file), specifier.replace(/\.js$/, '.ts')) : undefined;
    // Imports of files outside src/ (the CLI reads package.json) have no layer.
    const to = target && target.startsWith(SRC) ? relative(ROOT, target) : undefined;
    out.push({ from: relative(ROOT, file), specifier, ...(to ? { to } : {}), typeOnly });
  };
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const typeOnly =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name &&
            !!clause.namedBindings &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      add(statement.moduleSpecifier.text, typeOnly);
    } else if (
      ts.isExportDeclaration(statement) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      const typeOnly =
        statement.isTypeOnly ||
        (!!statement.exportClause &&
          ts.isNamedExports(statement.exportClause) &&
          statement.exportClause.elements.every((e) => e.isTypeOnly));
      add(statement.moduleSpecifier.text, typeOnly);
    }
  }
  // `import('…')` and `require('…')` would dodge the rules: there are none.
  source.forEachChild(function visit(node): void {
    if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require'))
    ) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteral(arg)) add(arg.text, false);
    }
    node.forEachChild(visit);
  });
  return out;
}

/** The layer of a src file, and its folder (or top-level file name). */
function placeOf(path: string): { layer: number; unit: string } {
  const unit = path.replace(/^src\//, '').split('/')[0]!;
  const layer = LAYERS.findIndex((units) => units.includes(unit));
  if (layer < 0) throw new Error(`${path}: src/${unit} is on no layer of docs/architecture.md`);
  return { layer, unit };
}

const all = files(SRC).map((f) => relative(ROOT, f));
const imports = all.flatMap((f) => importsOf(join(ROOT, f)));

describe('the layers of docs/architecture.md', () => {
  it('name every folder of src/, and the document draws them in this order', () => {
    for (const file of all) placeOf(file);
    const doc = readFileSync(join(ROOT, 'docs', 'architecture.md'), 'utf8');
    const drawn = /```text\n([^]*?)```/.exec(doc)![1]!;
    const positions = LAYERS.flat()
      .filter((unit) => !['index.ts', 'markdown.ts', 'schema.ts', 'errors.ts'].includes(unit))
      .map((unit) => [unit, drawn.indexOf(`${unit}/`)] as const);
    for (const [unit, at] of positions) expect(at, `${unit}/ in the diagram`).toBeGreaterThanOrEqual(0);
  });

  it('no file imports from a layer above its own, or from another folder on its layer', () => {
    const wrong: string[] = [];
    for (const i of imports) {
      if (!i.to) continue;
      const from = placeOf(i.from);
      const to = placeOf(i.to);
      if (to.layer > from.layer || (to.layer === from.layer && to.unit !== from.unit && from.unit !== 'node')) {
        wrong.push(`${i.from} → ${i.to}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no import cycle between files (at run time: `import type` is erased)', () => {
    const graph = new Map<string, string[]>();
    for (const i of imports) if (i.to && !i.typeOnly) graph.set(i.from, [...(graph.get(i.from) ?? []), i.to]);
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const visit = (file: string) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      path.push(file);
      for (const next of graph.get(file) ?? []) visit(next);
      path.pop();
      state.set(file, 'done');
    };
    for (const file of all) visit(file);
    expect(cycles).toEqual([]);
  });

  it('keeps Node out of the core: no node: import (or Node built-in) outside src/node', () => {
    const builtins = new Set(['fs', 'path', 'os', 'url', 'util', 'child_process', 'worker_threads', 'stream', 'zlib']);
    const wrong = imports.filter(
      (i) => !i.from.startsWith('src/node/') && (i.specifier.startsWith('node:') || builtins.has(i.specifier)),
    );
    expect(wrong.map((i) => `${i.from} → ${i.specifier}`)).toEqual([]);
    for (const file of all.filter((f) => !f.startsWith('src/node/'))) {
      expect(readFileSync(join(ROOT, file), 'utf8'), file).not.toMatch(/\bprocess\.|\bBuffer\b/);
    }
  });

  it('keeps zod out of the runtime core: schema modules are imported for their types only', () => {
    const runtime = imports.filter(
      (i) =>
        !i.typeOnly &&
        !i.from.startsWith('src/node/') &&
        i.from !== 'src/schema.ts' &&
        !ZOD_MODULES.includes(i.from) &&
        (i.specifier === 'zod' || i.specifier.startsWith('zod/') || (i.to !== undefined && ZOD_MODULES.includes(i.to))),
    );
    expect(runtime.map((i) => `${i.from} → ${i.specifier}`)).toEqual([]);
  });
});
