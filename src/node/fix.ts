import { copyFile, readFile, realpath, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Encoding } from './read/read-report.js';
import { writeAtomic } from './write.js';
import type { Task } from './task.js';

/** What `--fix` did to one file. */
export interface FixOutcome {
  /** Fixes applied (or that would be, for a dry run). */
  applied: number;
  /** True when the file was rewritten, or for a dry run when it would be. */
  changed: boolean;
  /** A dry run's unified diff. */
  diff?: string;
  /** Why the file was left as it was, when fixes were found but not applied. */
  note?: { code: 'fix-not-text' | 'fix-not-round-trip' | 'fix-backup-exists'; encoding?: string };
}

const BOMS: Record<Encoding, number[]> = {
  'utf-8': [0xef, 0xbb, 0xbf],
  'utf-16le': [0xff, 0xfe],
  'utf-16be': [0xfe, 0xff],
  gb18030: [],
};

// iconv-lite and diff are loaded when a file is fixed, not by every worker (docs/benchmarks.md, CLI).
async function encode(text: string, encoding: Encoding): Promise<Buffer> {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  if (encoding === 'gb18030') return (await import('iconv-lite')).default.encode(text, 'gb18030');
  const le = Buffer.from(text, 'utf16le');
  return encoding === 'utf-16le' ? le : le.swap16();
}

/**
 * Writes the fixed text back in the file's own encoding (and BOM), or for a dry run
 * makes the diff. The file is rewritten only when its bytes are exactly the encoding of
 * the text that was checked, so that no character other than the fixed ones can change;
 * through a temporary file and a rename; `FILE.bak` first with `--backup`.
 */
export async function fixFile(
  task: Task,
  input: { text: string; encoding?: Encoding },
  fixed: string,
  applied: number,
): Promise<FixOutcome> {
  if (applied === 0) return { applied, changed: false };
  if (!/^\.(txt|md|markdown)$/i.test(extname(task.path)) || !input.encoding)
    return { applied, changed: false, note: { code: 'fix-not-text' } };
  const bytes = await readFile(task.path);
  const encoding = input.encoding;
  const bom = BOMS[encoding].every((b, i) => bytes[i] === b) ? Buffer.from(BOMS[encoding]) : Buffer.alloc(0);
  const original = Buffer.concat([bom, await encode(input.text, encoding)]);
  if (!original.equals(bytes)) return { applied, changed: false, note: { code: 'fix-not-round-trip', encoding } };
  const name = task.name ?? task.path;
  if (task.fix === 'dry-run') {
    const { createTwoFilesPatch, FILE_HEADERS_ONLY } = await import('diff');
    const diff = createTwoFilesPatch(name, name, input.text, fixed, '', '', {
      context: 2,
      headerOptions: FILE_HEADERS_ONLY,
    });
    return { applied, changed: true, diff };
  }
  if (task.backup) {
    try {
      await copyFile(task.path, `${task.path}.bak`, 1 /* COPYFILE_EXCL: an older backup is never lost */);
    } catch {
      return { applied, changed: false, note: { code: 'fix-backup-exists' } };
    }
  }
  // The file itself, not a link to it, is replaced, with the permissions it had.
  const target = await realpath(task.path);
  const { mode } = await stat(target);
  await writeAtomic(target, Buffer.concat([bom, await encode(fixed, encoding)]), mode & 0o7777);
  return { applied, changed: true };
}
