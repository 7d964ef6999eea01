import { closeSync, openSync, writeSync } from 'node:fs';
import {
  applyFixes,
  check,
  extract,
  parse,
  type CheckOptions,
  type ExtractRecord,
  type ParseOptions,
  type Report,
} from '../index.js';
import { fixFile, type FixOutcome } from './fix.js';
import { readReport, type ReadOptions } from './read/read-report.js';

/** Passes of `--fix` at most: enough to renumber a run of 100 siblings. */
const MAX_PASSES = 100;

/** One file's work, as sent to a worker: plain data only. */
export interface Task {
  /** The file to read. */
  path: string;
  /** What to call it in the output, when not its path (a report read from standard input). */
  name?: string;
  command: 'check' | 'extract' | 'convert';
  read: ReadOptions;
  check?: CheckOptions;
  /** `check`: fix the file in place, or compute the diff only. */
  fix?: 'write' | 'dry-run';
  backup?: boolean;
  /** `convert`: the format, and the file to write it to (a temporary file the main thread renames). */
  to?: 'md' | 'json';
  output?: string;
  /** `convert --to json`: one line, for JSON Lines. */
  compact?: boolean;
}

/** A checker message as plain data (vfile messages do not cross threads). */
export interface PlainMessage {
  ruleId: string;
  severity: 'error' | 'warning';
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  url: string;
}

/** Something reading noticed that is not an error (a guessed encoding). */
interface FileWarning {
  code: string;
  reason: string;
}

export type TaskResult =
  | {
      path: string;
      ok: true;
      messages?: PlainMessage[];
      records?: ExtractRecord[];
      warnings?: FileWarning[];
      fix?: FixOutcome;
    }
  | { path: string; ok: false; code: string; reason: string };

/**
 * jixiao/markdown, loaded by the files that need it: micromark and mdast-util-to-markdown cost a
 * thread about 90 ms of CPU to load, a tenth of checking 300 seed-sized .txt files (bench/notes.md).
 */
const markdown = () => import('../markdown.js');

/** The parser for what a reader found: Markdown (a .md file) or plain text. */
export async function parserOf(format: 'text' | 'markdown'): Promise<(text: string, options: ParseOptions) => Report> {
  return format === 'markdown' ? (await markdown()).fromMarkdown : parse;
}

/** Reads one file and does the command's work on it. Never throws. */
export async function runTask(task: Task): Promise<TaskResult> {
  const path = task.name ?? task.path;
  const input = await readReport(task.path, task.read);
  if (!input.ok) return { path, ok: false, code: input.code, reason: input.reason };
  const warnings = (input as { warnings?: FileWarning[] }).warnings;
  const base = { path, ok: true as const, ...(warnings?.length ? { warnings } : {}) };
  try {
    const options = task.check?.year ? { year: task.check.year } : {};
    const parser = await parserOf(input.format);
    // The tables a Word or PDF reader found (with their merged cells) stand in its text.
    const tree = parser(input.text, input.tables ? { ...options, tables: input.tables } : options);
    if (task.command === 'extract') return { ...base, records: extract(tree) };
    if (task.command === 'convert') {
      writeOutput(task, tree, task.to === 'json' ? undefined : (await markdown()).toMarkdown(tree));
      return base;
    }
    const found = check(tree, task.check ?? {});
    let messages = found;
    let fix: FixOutcome | undefined;
    if (task.fix) {
      // Fixes are applied in passes, as ESLint does: a fix can reveal the next (renumbering
      // `一、二、四、五、` fixes 四 first, then 五, so a run of n siblings takes up to n
      // passes, each a parse and a check: about 5 ms for the seed).
      let text = input.text;
      let applied = 0;
      for (let pass = 0; pass < MAX_PASSES; pass++) {
        const result = applyFixes(text, messages);
        if (result.applied.length === 0) break;
        applied += result.applied.length;
        text = result.text;
        messages = check(parser(text, options), task.check ?? {});
      }
      fix = await fixFile(task, input, text, applied);
      // What is reported is what the file holds afterwards (or would hold, for a dry run).
      if (!fix.changed) messages = found;
    }
    return { ...base, messages: messages.map(plain), ...(fix ? { fix } : {}) };
  } catch (error) {
    // A bug in jixiao must not stop the batch either; say so plainly.
    return {
      path,
      ok: false,
      code: 'internal',
      reason: `jixiao failed on this file (${error instanceof Error ? error.message : String(error)}); please report it`,
    };
  }
}

function plain(m: ReturnType<typeof check>[number]): PlainMessage {
  const place = m.place && 'start' in m.place ? m.place : undefined;
  return {
    ruleId: m.ruleId ?? '',
    severity: m.fatal ? 'error' : 'warning',
    line: m.line ?? 1,
    column: m.column ?? 1,
    endLine: place?.end.line ?? m.line ?? 1,
    endColumn: place?.end.column ?? m.column ?? 1,
    message: m.reason,
    url: m.url ?? '',
  };
}

/**
 * Writes a converted report to `task.output`: its Markdown when given, else its JSON, streamed,
 * never built as one string.
 */
function writeOutput(task: Task, tree: Report, markdown?: string): void {
  const fd = openSync(task.output!, 'wx');
  try {
    const sink = buffered(fd);
    if (markdown === undefined) {
      writeJson(tree, task.compact ? '' : '  ', sink);
      sink.write('\n');
    } else sink.write(markdown);
    sink.flush();
  } finally {
    closeSync(fd);
  }
}

/** Gathers small writes into 64 KB ones. */
function buffered(fd: number): { write(s: string): void; flush(): void } {
  let parts: string[] = [];
  let size = 0;
  const flush = () => {
    if (size === 0) return;
    writeSync(fd, parts.join(''));
    parts = [];
    size = 0;
  };
  return {
    write(s) {
      parts.push(s);
      size += s.length;
      if (size >= 65536) flush();
    },
    flush,
  };
}

/**
 * `JSON.stringify(value, null, indent)` written piece by piece: a tree of a 25 MB report
 * is more text than V8 allows in one string. Plain data only (what a tree holds).
 */
export function writeJson(value: unknown, indent: string, sink: { write(s: string): void }, depth = 0): void {
  if (value === null || typeof value !== 'object') {
    sink.write(JSON.stringify(value) ?? 'null');
    return;
  }
  const inner = indent ? `\n${indent.repeat(depth + 1)}` : '';
  const close = indent ? `\n${indent.repeat(depth)}` : '';
  const colon = indent ? ': ' : ':';
  if (Array.isArray(value)) {
    if (value.length === 0) return sink.write('[]');
    sink.write('[');
    for (let i = 0; i < value.length; i++) {
      sink.write(i ? `,${inner}` : inner);
      const item = value[i] as unknown;
      if (item === undefined || typeof item === 'function') sink.write('null');
      else writeJson(item, indent, sink, depth + 1);
    }
    sink.write(`${close}]`);
    return;
  }
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || typeof item === 'function') continue;
    sink.write(first ? `{${inner}` : `,${inner}`);
    first = false;
    sink.write(JSON.stringify(key) + colon);
    writeJson(item, indent, sink, depth + 1);
  }
  sink.write(first ? '{}' : `${close}}`);
}
