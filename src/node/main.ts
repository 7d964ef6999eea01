import pkg from '../../package.json' with { type: 'json' };
import { JixiaoError } from '../index.js';
import { CHECK, CONVERT, EXTRACT, INSPECT, nearest, parse } from './args.js';
import { printConfig, type Context } from './batch.js';
import { environmentLocale, localeFlag } from './locale.js';
import type { Pool } from './pool.js';
import { cliText } from './text.js';

type Exit = 0 | 1 | 2;
type Command = 'check' | 'extract' | 'convert' | 'inspect';
const COMMANDS: readonly Command[] = ['check', 'extract', 'convert', 'inspect'];

/**
 * Parses the command's own options (typed by their `as const` declarations) and runs it. Each
 * command's code is loaded when it is run (a chunk of the bundle): `check` loads neither the
 * tree printer of `inspect` nor the writers of `extract` and `convert`.
 */
async function run(command: Command, context: Context, args: string[]): Promise<Exit> {
  const { text } = context;
  const help = () => {
    context.stdout.write(text.help[command]);
    return 0 as const;
  };
  switch (command) {
    case 'check': {
      const { values, positionals } = parse(args, CHECK, text);
      if (values.help) return help();
      if (values['print-config']) return printConfig(context, values, values['print-config']);
      return (await import('./commands/check.js')).checkCommand(context, values, positionals);
    }
    case 'extract': {
      const { values, positionals } = parse(args, EXTRACT, text);
      if (values.help) return help();
      if (values['print-config']) return printConfig(context, values, values['print-config']);
      return (await import('./commands/extract.js')).extractCommand(context, values, positionals);
    }
    case 'convert': {
      const { values, positionals } = parse(args, CONVERT, text);
      if (values.help) return help();
      if (values['print-config']) return printConfig(context, values, values['print-config']);
      return (await import('./commands/convert.js')).convertCommand(context, values, positionals);
    }
    case 'inspect': {
      const { values, positionals } = parse(args, INSPECT, text);
      if (values.help) return help();
      return (await import('./commands/inspect.js')).inspectCommand(context, values, positionals);
    }
  }
}

/** Runs the command line `argv`, with workers already started for it when there are some. */
export async function main(argv: string[], pool?: Pool): Promise<Exit> {
  const flag = localeFlag(argv);
  const locale = flag ?? environmentLocale() ?? 'zh-CN';
  const context: Context = {
    locale,
    localeGiven: flag !== undefined,
    text: cliText(locale, pkg.version),
    version: pkg.version,
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    ...(pool ? { pool } : {}),
  };
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v') {
    context.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  if (!first || first === '--help' || first === '-h' || first === 'help' || first.startsWith('--locale')) {
    (first ? context.stdout : context.stderr).write(context.text.help.main);
    return first ? 0 : 2;
  }
  if (!COMMANDS.includes(first as Command)) {
    const hint = nearest(first, COMMANDS);
    context.stderr.write(`jixiao: ${context.text.unknownCommand(first, hint)}\n${context.text.usageHint('')}\n`);
    return 2;
  }
  const command = first as Command;
  try {
    return await run(command, context, rest);
  } catch (error) {
    await pool?.close();
    if (!(error instanceof JixiaoError)) throw error;
    // The command is named once, here; messages never repeat it. In the user's language:
    // context.locale is the configuration's once it is read.
    context.stderr.write(`jixiao ${command}: ${error.messageIn(context.locale)}\n`);
    if (error.code === 'usage') context.stderr.write(`${context.text.usageHint(command)}\n`);
    return 2;
  }
}
