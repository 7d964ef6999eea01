import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');

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
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE', 'NO_COLOR', 'FORCE_COLOR']) delete env[name];
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/**
 * Runs the built CLI as a subprocess, as users do. A missing build is a failure, not a
 * skip: `npm test` builds first; run `npm run build` before running test files alone.
 */
export function jixiao(args: string[], options: RunOptions | string = {}) {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  const { cwd = ROOT, env = {}, input = '' } = typeof options === 'string' ? { cwd: options } : options;
  return spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: cleanEnv(env),
    input,
    maxBuffer: 256 * 1024 * 1024,
  });
}
