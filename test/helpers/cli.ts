import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

/**
 * The built CLI's path. A missing build is a failure, not a skip: `npm test` builds first;
 * run `npm run build` before running test files alone.
 */
export function builtCli(): string {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  return CLI;
}

export interface RunOptions {
  cwd?: string;
  /** Added to the environment (after the locale variables are cleared). */
  env?: Record<string, string | undefined>;
  /** Standard input; without it, standard input is empty. */
  input?: string | Buffer;
}

/**
 * The environment the CLI runs in: this one, without the locale variables and colour
 * settings of whoever runs the tests, so the default (Chinese, no colour in a pipe) is
 * what is tested unless a test says otherwise.
 */
function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE', 'NO_COLOR', 'FORCE_COLOR']) delete env[name];
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/** Runs the built CLI as a subprocess, as users do (a missing build fails: {@link builtCli}). */
export function jixiao(args: string[], options: RunOptions | string = {}) {
  const cli = builtCli();
  const { cwd = ROOT, env = {}, input = '' } = typeof options === 'string' ? { cwd: options } : options;
  return spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: cleanEnv(env),
    input,
    maxBuffer: 256 * 1024 * 1024,
  });
}

/**
 * Runs the built CLI in a pseudo-terminal (util-linux `script`), as a person at a terminal
 * would, and replays what it wrote through a terminal emulator (xterm.js, headless).
 * `raw` is every byte written; `screen` the lines a person sees at the end, wrapped lines
 * joined, scrollback included.
 */
export async function inTerminal(args: string[], options: { cols?: number; env?: Record<string, string> } = {}) {
  const cli = builtCli();
  const cols = options.cols ?? 100;
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = `stty cols ${cols} rows 30; ${[process.execPath, cli, ...args].map(quote).join(' ')}`;
  const result = spawnSync('script', ['-qfec', command, '/dev/null'], {
    cwd: ROOT,
    env: cleanEnv({ TERM: 'xterm-256color', ...options.env }),
    input: '',
    maxBuffer: 64 * 1024 * 1024,
  });
  const raw = result.stdout.toString('utf8');
  const { Terminal } = (await import('@xterm/headless')).default;
  const terminal = new Terminal({ cols, rows: 30, scrollback: 100_000, allowProposedApi: true });
  await new Promise<void>((done) => terminal.write(raw, done));
  const buffer = terminal.buffer.active;
  const screen: string[] = [];
  for (let i = 0; i < buffer.length; i++) {
    const line = buffer.getLine(i)!;
    const text = line.translateToString(true);
    if (line.isWrapped && screen.length) screen[screen.length - 1] += text;
    else screen.push(text);
  }
  while (screen.length && screen[screen.length - 1] === '') screen.pop();
  terminal.dispose();
  return { status: result.status, raw, screen };
}
