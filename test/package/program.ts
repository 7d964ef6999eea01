import { join } from 'node:path';
import ts from 'typescript';

export const ROOT = join(import.meta.dirname, '..', '..');
/** The package's entry points: `jixiao`, `jixiao/markdown` and `jixiao/schema`. */
export const ENTRIES = ['src/index.ts', 'src/markdown.ts', 'src/schema.ts'].map((f) => join(ROOT, f));

/** A TypeScript program over the entry points (and `more` files), with its checker, to read exports and JSDoc. */
export function program(more: string[] = []): { program: ts.Program; checker: ts.TypeChecker } {
  const created = ts.createProgram([...ENTRIES, ...more], {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  });
  return { program: created, checker: created.getTypeChecker() };
}
