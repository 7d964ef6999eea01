import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

/** The kinds of file a folder is searched for. */
export const REPORT_EXTENSIONS = ['txt', 'md', 'markdown', 'docx', 'doc', 'pdf'];

/** A file to process, with the folder it was found under (for mirroring output folders). */
export interface Input {
  path: string;
  /** The folder or glob base the path is relative to; the file's own folder for a file argument. */
  base: string;
}

/**
 * Expands the command line's files, folders and globs into files, in a stable order
 * (each argument's files sorted, arguments in the order given, duplicates once). A
 * path that does not exist is kept, so it is reported as missing, not skipped.
 */
export async function expandInputs(args: string[], ignore: string[] = []): Promise<Input[]> {
  const out: Input[] = [];
  const seen = new Set<string>();
  const add = (path: string, base: string) => {
    const key = resolve(path);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ path, base });
  };
  const ignoreGlobs = [...ignore, '**/node_modules/**', '**/.git/**'];
  for (const arg of args) {
    if (isDynamicPattern(arg)) {
      const found = await glob(arg, { ignore: ignoreGlobs, onlyFiles: true });
      for (const path of found.sort()) add(path, '.');
      continue;
    }
    let isDir = false;
    try {
      isDir = (await stat(arg)).isDirectory();
    } catch {
      // Missing: kept, reported per file.
    }
    if (isDir) {
      const found = await glob(`**/*.{${REPORT_EXTENSIONS.join(',')}}`, {
        cwd: arg,
        ignore: ignoreGlobs,
        onlyFiles: true,
        caseSensitiveMatch: false,
      });
      // Reported as the user wrote the folder: relative stays relative, absolute absolute.
      for (const path of found.sort()) add(join(arg, path), arg);
    } else {
      add(arg, '');
    }
  }
  return out;
}
