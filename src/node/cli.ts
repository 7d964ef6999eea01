import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { inspectColor, inspectNoColor } from 'unist-util-inspect';
import { parse, toMarkdown, type ParseOptions } from '../index.js';

const USAGE = `Usage: jixiao <command> [options]

Commands:
  inspect FILE              print the report tree of FILE
  convert FILE --to md|json print FILE as Markdown or as the JSON report tree

A .md file is read as Markdown, anything else as text (UTF-8).

Examples:
  jixiao inspect fixtures/seed-shaodong-2020.txt
  jixiao convert fixtures/seed-shaodong-2020.txt --to md
`;

type Exit = 0 | 1 | 2;

function fail(message: string): Exit {
  process.stderr.write(`jixiao: ${message}\n`);
  return 2;
}

async function read(file: string): Promise<{ text: string; options: ParseOptions } | string> {
  try {
    const text = await readFile(file, 'utf8');
    return { text, options: { format: extname(file).toLowerCase() === '.md' ? 'markdown' : 'text' } };
  } catch (error) {
    return `cannot read ${file}: ${describeReadError(error)}`;
  }
}

async function main(argv: string[]): Promise<Exit> {
  const [command, ...rest] = argv;
  if (!command) {
    process.stderr.write(USAGE);
    return 2;
  }
  if (command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command === 'inspect') {
    const file = rest.find((a) => !a.startsWith('-'));
    if (!file) return fail(`inspect: missing FILE\n\n${USAGE}`);
    const input = await read(file);
    if (typeof input === 'string') return fail(`inspect: ${input}`);
    const color = process.stdout.isTTY && !process.env.NO_COLOR;
    const inspect = color ? inspectColor : inspectNoColor;
    process.stdout.write(inspect(parse(input.text, input.options), { showPositions: true }) + '\n');
    return 0;
  }
  if (command === 'convert') {
    const toAt = rest.indexOf('--to');
    const to = toAt >= 0 ? rest[toAt + 1] : undefined;
    const file = rest.find((a, i) => !a.startsWith('-') && i !== toAt + 1);
    if (!file) return fail(`convert: missing FILE\n\n${USAGE}`);
    if (to !== 'md' && to !== 'json') return fail(`convert: --to must be md or json (got ${to === undefined ? 'nothing' : JSON.stringify(to)})`);
    const input = await read(file);
    if (typeof input === 'string') return fail(`convert: ${input}`);
    const tree = parse(input.text, input.options);
    process.stdout.write(to === 'md' ? toMarkdown(tree) : JSON.stringify(tree, null, 2) + '\n');
    return 0;
  }
  return fail(`unknown command "${command}"\n\n${USAGE}`);
}

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file (check the path)';
  if (code === 'EISDIR') return 'it is a folder; give a file';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`jixiao: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
