import { rm } from 'node:fs/promises';
import { inspectColor, inspectNoColor } from 'unist-util-inspect';
import { parserOf } from '../task.js';
import { INSPECT, usage } from '../args.js';
import { encodingFlag, stdinToFile, type Context } from '../batch.js';
import { escapeControl } from '../format/escape.js';
import { DEFAULT_MAX_SIZE, readReport } from '../read/read-report.js';
import { wantsColor } from '../terminal.js';
import type { Values } from './types.js';

/** `jixiao inspect FILE`: the report tree with positions, for seeing what the parser made. */
export async function inspectCommand(context: Context, values: Values<typeof INSPECT>, positionals: string[]) {
  const { text } = context;
  const file = positionals[0] ?? (context.stdin.isTTY ? undefined : '-');
  if (!file) throw usage(text.noInputs);
  const forced = encodingFlag(text, values.encoding);
  let path = file;
  let scratch: string | undefined;
  try {
    if (file === '-') {
      const copy = await stdinToFile(context.stdin, values['stdin-filename'], DEFAULT_MAX_SIZE);
      if (!copy) throw usage(text.stdinEmpty);
      scratch = copy.folder;
      path = copy.path;
    }
    const input = await readReport(path, {
      maxSize: DEFAULT_MAX_SIZE,
      locale: context.locale,
      ...(forced ? { encoding: forced } : {}),
    });
    const name = file === '-' ? (values['stdin-filename'] ?? '-') : file;
    if (!input.ok) {
      const limits = { maxSize: DEFAULT_MAX_SIZE, maxMemoryMb: 0, timeoutMs: 0 };
      const reason = text.fileError(input.code, input.reason, limits);
      context.stderr.write(`jixiao inspect: ${escapeControl(text.fileLine(name, input.code, reason))}\n`);
      return 2;
    }
    const inspect = wantsColor(context.stdout) ? inspectColor : inspectNoColor;
    context.stdout.write(
      inspect(parserOf(input.format)(input.text, input.tables ? { tables: input.tables } : {}), {
        showPositions: true,
      }) + '\n',
    );
    return 0;
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}
