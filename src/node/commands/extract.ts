import { EXTRACT, usage, values as parsers } from '../args.js';
import { escapeControl } from '../format/escape.js';
import { prepare, type Context } from '../batch.js';
import { CSV_BOM, csvHeader, csvRow, jsonLine, xlsx, type Row } from '../output.js';
import { openOutput, refuseInputs, type Output } from '../plan.js';
import { runAll } from '../pool.js';
import type { Task } from '../task.js';
import { Progress } from '../terminal.js';
import type { Values } from './types.js';

/** `jixiao extract`: every figure of every report, as CSV, JSON Lines or a workbook. */
export async function extractCommand(context: Context, values: Values<typeof EXTRACT>, positionals: string[]) {
  const parse = parsers(context.text);
  const format = parse.oneOf('format', values.format, ['csv', 'jsonl', 'xlsx'] as const, 'csv');
  const target = values.out;
  if (format === 'xlsx' && !target) throw usage(context.text.xlsxNeedsOut, 'out');
  const batch = await prepare(context, values, positionals);
  const { text } = context;
  let sink: Output | undefined;
  let committed = false;
  try {
    if (target) await refuseInputs(text, target, batch.inputs, context.cwd);
    // Planned before any file is read: a wrong --out costs nothing.
    sink = target ? await openOutput(text, target, { force: values.force === true }) : undefined;
    const out = sink ?? context.stdout;
    const tasks: Task[] = batch.inputs.map((input) => ({
      path: input.path,
      ...(input.name ? { name: input.name } : {}),
      command: 'extract',
      read: batch.read,
      ...(batch.year ? { check: { year: batch.year } } : {}),
    }));
    const rows: Row[] = [];
    const bar = new Progress(tasks.length, text.files, context.stderr);
    if (format === 'csv') bar.write(out, CSV_BOM + csvHeader());
    let unreadable = 0;
    for await (const result of runAll(tasks, batch.pool, batch.jobs)) {
      bar.tick();
      if (!result.ok) {
        unreadable++;
        const reason = text.fileError(result.code, result.reason, batch.limits);
        bar.write(context.stderr, `${escapeControl(text.fileLine(result.path, result.code, reason))}\n`);
        continue;
      }
      let chunk = '';
      for (const record of result.records ?? []) {
        const row: Row = { file: result.path, ...record };
        if (format === 'csv') chunk += csvRow(row);
        else if (format === 'jsonl') chunk += jsonLine(row);
        else rows.push(row);
      }
      bar.write(out, chunk);
    }
    bar.clear();
    if (format === 'xlsx') sink!.write(await xlsx(rows, context.locale));
    await sink?.commit();
    committed = true;
    return unreadable > 0 ? 2 : 0;
  } finally {
    if (!committed) await sink?.abort();
    await batch.cleanup();
  }
}
