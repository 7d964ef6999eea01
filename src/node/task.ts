import { check, extract, parse, toMarkdown, type CheckOptions, type FigureRecord } from '../index.js';
import { readReport, type ReadErrorCode, type ReadOptions } from './read/read-report.js';

/** One file's work, as sent to a worker: plain data only. */
export interface Task {
  path: string;
  command: 'check' | 'extract' | 'convert';
  read: ReadOptions;
  check?: CheckOptions;
  to?: 'md' | 'json';
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

export type TaskResult =
  | { path: string; ok: true; messages?: PlainMessage[]; records?: FigureRecord[]; output?: string }
  | { path: string; ok: false; code: ReadErrorCode | 'internal'; reason: string };

/** Reads one file and does the command's work on it. Never throws. */
export async function runTask(task: Task): Promise<TaskResult> {
  const input = await readReport(task.path, task.read);
  if (!input.ok) return { path: task.path, ok: false, code: input.code, reason: input.reason };
  try {
    const tree = parse(input.text, { format: input.format, ...(task.check?.year ? { year: task.check.year } : {}) });
    if (task.command === 'extract') return { path: task.path, ok: true, records: extract(tree) };
    if (task.command === 'convert') {
      return {
        path: task.path,
        ok: true,
        output: task.to === 'json' ? JSON.stringify(tree, null, 2) + '\n' : toMarkdown(tree),
      };
    }
    const messages = check(tree, task.check ?? {}).map((m): PlainMessage => {
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
    });
    return { path: task.path, ok: true, messages };
  } catch (error) {
    // A bug in jixiao must not stop the batch either; say so plainly.
    return {
      path: task.path,
      ok: false,
      code: 'internal',
      reason: `jixiao failed on this file (${error instanceof Error ? error.message : String(error)}); please report it`,
    };
  }
}
