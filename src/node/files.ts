import { realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';
import { readSmallFile, searchFolders } from './config.js';

/** The kinds of file a folder is searched for. */
const REPORT_EXTENSIONS = ['txt', 'md', 'markdown', 'docx', 'doc', 'pdf'];

/** A file to process, with the folder it was found under (for mirroring output folders). */
export interface Input {
  path: string;
  /** The folder or glob base the path is relative to; the file's own folder for a file argument. */
  base: string;
  /** What to call it when not its path (a report read from standard input). */
  name?: string;
}

/** Patterns of files to leave out, each set relative to its own folder (gitignore syntax). */
interface Rules {
  dir: string;
  rules: Ignore;
}

export interface ExpandOptions {
  /** Patterns relative to the working folder: the config's `ignore` and `--ignore-pattern`. */
  ignore?: string[];
  /** Skip what .gitignore files ignore when walking folders (default true). */
  gitignore?: boolean;
  cwd?: string;
  /** Folders whose files are never inputs (an `--out-dir` inside the inputs). */
  exclude?: string[];
}

/** What was found: the inputs, and how many files the ignore rules left out. */
export interface Expanded {
  inputs: Input[];
  ignored: number;
}

function ignores(sets: Rules[], file: string): boolean {
  for (const { dir, rules } of sets) {
    const rel = relative(dir, file);
    if (!rel || rel.startsWith('..') || isAbsolute(rel)) continue;
    if (rules.ignores(rel.split(sep).join('/'))) return true;
  }
  return false;
}

/**
 * The ignore rules of the working folder: `.jixiaoignore` (the nearest, up to the
 * project root) and the given patterns.
 */
async function ignoreRules(cwd: string, patterns: string[] = []): Promise<Rules[]> {
  const sets: Rules[] = [];
  if (patterns.length) sets.push({ dir: cwd, rules: ignore().add(patterns) });
  for (const dir of await searchFolders(cwd)) {
    const text = await readSmallFile(join(dir, '.jixiaoignore'));
    if (text === undefined) continue;
    sets.push({ dir, rules: ignore().add(text) });
    break;
  }
  return sets;
}

/**
 * The .gitignore files that apply to a walk of `folder`: those of its ancestors up to the
 * repository root (the nearest folder with .git), and those found inside it.
 */
async function gitignores(folder: string): Promise<Rules[]> {
  const sets: Rules[] = [];
  let ancestors: string[] = [];
  for (let dir = folder; ;) {
    ancestors.push(dir);
    const isRoot = await stat(join(dir, '.git')).then(
      () => true,
      () => false,
    );
    if (isRoot) break;
    const up = dirname(dir);
    // Without a repository, only the walked folder's own .gitignore files count.
    if (up === dir) {
      ancestors = [folder];
      break;
    }
    dir = up;
  }
  const inside = await glob('**/.gitignore', {
    cwd: folder,
    dot: true,
    ignore: ['**/node_modules/**', '**/.git/**'],
    absolute: true,
  });
  for (const dir of ancestors.slice(1)) {
    const text = await readSmallFile(join(dir, '.gitignore'));
    if (text !== undefined) sets.push({ dir, rules: ignore().add(text) });
  }
  for (const file of inside) {
    const text = await readSmallFile(file);
    if (text !== undefined) sets.push({ dir: dirname(file), rules: ignore().add(text) });
  }
  return sets;
}

/**
 * Expands the command line's files, folders and globs into files, in a stable order
 * (each argument's files sorted, arguments in the order given). A file reached twice
 * (a symbolic link, a folder loop, an argument given twice) is kept once, by its real
 * path. Folder walks and globs leave out `node_modules`, `.git`, what `.jixiaoignore` and
 * the ignore patterns say and, for folders, what `.gitignore` ignores. A file named
 * on the command line is always kept; one that does not exist is kept too, so it is
 * reported as missing, not skipped.
 */
export async function expandInputs(args: string[], options: ExpandOptions = {}): Promise<Expanded> {
  const cwd = options.cwd ?? process.cwd();
  const rules = await ignoreRules(cwd, options.ignore);
  const exclude = (options.exclude ?? []).map((d) => resolve(cwd, d) + sep);
  const inputs: Input[] = [];
  const seen = new Set<string>();
  let ignored = 0;
  const key = (path: string) => {
    const absolute = resolve(cwd, path);
    return realpath(absolute).then(
      (real) => ({ absolute, real }),
      () => ({ absolute, real: absolute }),
    );
  };
  /** Adds files in order; of the paths that reach one file, the one without links is kept. */
  const addAll = async (paths: string[], base: string) => {
    const keys = await Promise.all(paths.map(key));
    const canonical = new Map<string, number>();
    keys.forEach(({ absolute, real }, i) => {
      const kept = canonical.get(real);
      if (kept === undefined || (keys[kept]!.absolute !== real && absolute === real)) canonical.set(real, i);
    });
    for (let i = 0; i < paths.length; i++) {
      const { absolute, real } = keys[i]!;
      if (canonical.get(real) !== i || seen.has(real) || exclude.some((d) => absolute.startsWith(d))) continue;
      seen.add(real);
      inputs.push({ path: paths[i]!, base });
    }
  };
  const always = ['**/node_modules/**', '**/.git/**'];
  for (const arg of args) {
    if (isDynamicPattern(arg)) {
      const found = await glob(arg, { cwd, ignore: always, onlyFiles: true, expandDirectories: false });
      const kept = found.sort().filter((path) => !ignores(rules, resolve(cwd, path)));
      ignored += found.length - kept.length;
      await addAll(kept, '.');
      continue;
    }
    let isDir = false;
    try {
      isDir = (await stat(resolve(cwd, arg))).isDirectory();
    } catch {
      // Missing: kept, reported per file.
    }
    if (!isDir) {
      await addAll([arg], '');
      continue;
    }
    const folder = resolve(cwd, arg);
    const sets = options.gitignore === false ? rules : [...rules, ...(await gitignores(folder))];
    const found = await glob(`**/*.{${REPORT_EXTENSIONS.join(',')}}`, {
      cwd: folder,
      ignore: always,
      onlyFiles: true,
      caseSensitiveMatch: false,
    });
    // Reported as the user wrote the folder: relative stays relative, absolute absolute.
    const kept = found.sort().filter((path) => !ignores(sets, join(folder, path)));
    ignored += found.length - kept.length;
    await addAll(
      kept.map((path) => join(arg, path)),
      arg,
    );
  }
  return { inputs, ignored };
}

/** True when the ignore rules of the working folder leave `file` out (for `--print-config`). */
export async function isIgnored(file: string, options: ExpandOptions = {}): Promise<boolean> {
  const cwd = options.cwd ?? process.cwd();
  const absolute = resolve(cwd, file);
  const sets = await ignoreRules(cwd, options.ignore);
  if (options.gitignore !== false) for (const set of await gitignores(dirname(absolute))) sets.push(set);
  return ignores(sets, absolute);
}
