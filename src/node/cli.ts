import { readFile } from 'node:fs/promises';
import { inspectColor, inspectNoColor } from 'unist-util-inspect';
import { parse } from '../index.js';

const USAGE = `Usage: jixiao <command> [options]

Commands:
  inspect FILE   print the report tree of FILE

Examples:
  jixiao inspect fixtures/seed-shaodong-2020.txt
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'inspect') {
    const file = rest[0];
    if (!file) {
      process.stderr.write('jixiao inspect: missing FILE\n\n' + USAGE);
      return 2;
    }
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      process.stderr.write(`jixiao inspect: cannot read ${file}: ${describeReadError(error)}\n`);
      return 2;
    }
    const color = process.stdout.isTTY && !process.env.NO_COLOR;
    const inspect = color ? inspectColor : inspectNoColor;
    process.stdout.write(inspect(parse(text), { showPositions: true }) + '\n');
    return 0;
  }
  process.stderr.write(`jixiao: unknown command "${command}"\n\n${USAGE}`);
  return 2;
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
