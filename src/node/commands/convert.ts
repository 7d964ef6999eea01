import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CONVERT, usage, values as parsers } from '../args.js';
import { prepare, type Context } from '../batch.js';
import { escapeControl } from '../format/escape.js';
import { planConvert, type Planned } from '../plan.js';
import { runAll } from '../pool.js';
import type { Task } from '../task.js';
import { Progress } from '../terminal.js';
import type { Values } from './types.js';

/** Copies a file to `out`, respecting back-pressure (a tree can be hundreds of MB). */
async function pipeFile(path: string, out: NodeJS.WritableStream): Promise<void> {
  for await (const chunk of createReadStream(path)) {
    if (!out.write(chunk as Buffer)) await new Promise((done) => out.once('drain', done));
  }
}

/**
 * `jixiao convert`: each report as Markdown or as its JSON tree, beside it, under
 * `--out-dir`, or on standard output one document per file (JSON Lines, or Markdown
 * documents each after a `<!-- jixiao: FILE -->` line). Every output is planned before
 * any is written; a worker writes each through a temporary file that is renamed into
 * place, so no output is ever held whole in the main thread.
 */
export async function convertCommand(context: Context, values: Values<typeof CONVERT>, positionals: string[]) {
  const parse = parsers(context.text);
  const to = parse.oneOf('to', values.to, ['md', 'json'] as const);
  const outDir = values['out-dir'];
  const toStdout = values.stdout === true;
  const batch = await prepare(context, values, positionals, outDir ? [outDir] : []);
  const { text } = context;
  let scratch: string | undefined;
  try {
    if (!toStdout && batch.inputs.some((i) => i.name !== undefined)) throw usage(text.convertStdin, 'stdout');
    let plan: Planned[];
    if (toStdout) {
      scratch = await mkdtemp(join(tmpdir(), 'jixiao-convert-'));
      plan = batch.inputs.map((input, i) => ({ input, target: join(scratch!, `${i}.out`) }));
    } else {
      plan = await planConvert(text, batch.inputs, { to, outDir, force: values.force === true, cwd: context.cwd });
    }
    let failed = 0;
    for (const p of plan) {
      if (p.refused === undefined) continue;
      failed++;
      context.stderr.write(`${escapeControl(p.refused)}\n`);
    }
    const runs = plan.filter((p): p is Extract<Planned, { target: string }> => p.refused === undefined);
    for (const folder of new Set(runs.map((p) => dirname(p.target)))) await mkdir(folder, { recursive: true });
    const tasks: Task[] = runs.map((p, i) => ({
      path: p.input.path,
      ...(p.input.name ? { name: p.input.name } : {}),
      command: 'convert',
      read: batch.read,
      to,
      output: toStdout ? p.target : `${p.target}.${process.pid}.${i}.tmp`,
      ...(toStdout && to === 'json' ? { compact: true } : {}),
      ...(batch.year ? { check: { year: batch.year } } : {}),
    }));
    const bar = new Progress(tasks.length, text.files, context.stderr);
    let i = 0;
    for await (const result of runAll(tasks, batch.pool, batch.jobs)) {
      const task = tasks[i]!;
      const target = runs[i]!.target;
      i++;
      bar.tick();
      if (!result.ok) {
        failed++;
        await rm(task.output!, { force: true });
        const reason = text.fileError(result.code, result.reason, batch.limits);
        bar.write(context.stderr, `${escapeControl(text.fileLine(result.path, result.code, reason))}\n`);
        continue;
      }
      if (toStdout) {
        bar.clear();
        if (to === 'md') context.stdout.write(`<!-- jixiao: ${escapeControl(result.path).replace(/--/g, '- -')} -->\n`);
        await pipeFile(task.output!, context.stdout);
        await rm(task.output!, { force: true });
        continue;
      }
      await rename(task.output!, target);
      bar.write(context.stdout, `${text.wrote(escapeControl(result.path), escapeControl(target))}\n`);
    }
    bar.clear();
    return failed > 0 ? 2 : 0;
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
    await batch.cleanup();
  }
}
