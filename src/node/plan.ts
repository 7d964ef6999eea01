import { createWriteStream } from 'node:fs';
import { lstat, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { usage } from './args.js';
import type { Input } from './files.js';
import type { CliText } from './text.js';

/** The real path of `path`, or its resolved path when it does not exist (yet). */
async function real(path: string, cwd: string): Promise<string> {
  const absolute = resolve(cwd, path);
  try {
    return await realpath(absolute);
  } catch {
    // A file not yet made: its folder's real path, and its own name.
    try {
      return join(await realpath(dirname(absolute)), basename(absolute));
    } catch {
      return absolute;
    }
  }
}

async function kind(path: string): Promise<'file' | 'folder' | 'other' | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? 'file' : info.isDirectory() ? 'folder' : 'other';
  } catch {
    return (
      (await lstat(path)
        .then(() => 'other' as const)
        .catch(() => undefined)) ?? undefined
    );
  }
}

/** Refuses an output file that is one of the inputs. */
export async function refuseInputs(text: CliText, target: string, inputs: Input[], cwd: string): Promise<void> {
  const out = await real(target, cwd);
  for (const input of inputs) {
    if (input.name === undefined && (await real(input.path, cwd)) === out)
      throw usage(text.outputIsInput(target, input.path));
  }
}

/** A file being written: through a temporary file beside it, renamed into place on `commit`. */
export interface Output {
  write(chunk: string | Uint8Array): boolean;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/**
 * Checks `target` as an output file (not a folder; its folder exists; not there already
 * unless `force`) and opens a temporary file beside it. Every mistake is one line and
 * exit 2, before any file is read.
 */
export async function openOutput(text: CliText, target: string, options: { force: boolean }): Promise<Output> {
  const what = await kind(target);
  if (what === 'folder') throw usage(text.outIsFolder(target), 'out');
  if (what === 'other') throw usage(text.cannotWrite(target, 'not a regular file'), 'out');
  if (what === 'file' && !options.force) throw usage(text.outputExistsNoForce(target), 'out');
  if ((await kind(dirname(resolve(target)))) !== 'folder') throw usage(text.outParentMissing(target), 'out');
  const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
  const stream = createWriteStream(temporary, { flags: 'wx' });
  let failure: NodeJS.ErrnoException | undefined;
  stream.on('error', (error) => (failure ??= error));
  await new Promise<void>((done) => {
    stream.once('open', () => done());
    stream.once('error', () => done());
  });
  if (failure) throw usage(text.cannotWrite(target, failure.code ?? failure.message), 'out');
  return {
    write: (chunk) => stream.write(chunk),
    async commit() {
      await new Promise<void>((done) => stream.end(done));
      if (failure) {
        await rm(temporary, { force: true });
        throw usage(text.cannotWrite(target, failure.code ?? failure.message), 'out');
      }
      await rename(temporary, target);
    },
    async abort() {
      stream.destroy();
      await rm(temporary, { force: true });
    },
  };
}

/** Where one input's conversion goes, or why it does not. */
export type Planned = { input: Input; target: string; refused?: undefined } | { input: Input; refused: string };

/**
 * Plans every output of a `convert` batch before any is written: `name.md` or
 * `name.json` beside each input, or under `outDir` mirroring each folder argument. An
 * input that is another input's output is an output of this run, not a report to convert
 * (a second run over its own outputs). Refused, each with its reason: an output that is
 * an input, one that two inputs map to (both refused: neither silently wins), and one
 * that exists already, unless `force`.
 */
export async function planConvert(
  text: CliText,
  inputs: Input[],
  options: { to: 'md' | 'json'; outDir?: string | undefined; force: boolean; cwd: string },
): Promise<Planned[]> {
  if (options.outDir && (await kind(options.outDir)) === 'file')
    throw usage(text.outDirIsFile(options.outDir), 'out-dir');
  const targetOf = (input: Input) => {
    const name = basename(input.path, extname(input.path)) + (options.to === 'md' ? '.md' : '.json');
    const folder = options.outDir
      ? join(options.outDir, input.base ? relative(input.base, dirname(input.path)) : '')
      : dirname(input.path);
    return join(folder, name);
  };
  const entries = await Promise.all(
    inputs.map(async (input) => {
      const target = targetOf(input);
      return { input, target, real: await real(input.path, options.cwd), out: await real(target, options.cwd) };
    }),
  );
  const outputs = new Set(entries.filter((e) => e.out !== e.real).map((e) => e.out));
  const kept = entries.filter((e) => !outputs.has(e.real));
  const inputPaths = new Map(kept.map((e) => [e.real, e.input.path]));
  const claims = new Map<string, typeof kept>();
  for (const e of kept) claims.set(e.out, [...(claims.get(e.out) ?? []), e]);
  const planned: Planned[] = [];
  for (const e of kept) {
    const claimants = claims.get(e.out)!;
    const input = inputPaths.get(e.out);
    if (input !== undefined) planned.push({ input: e.input, refused: text.outputIsInput(e.target, e.input.path) });
    else if (claimants.length > 1) {
      const other = claimants.find((c) => c !== e)!;
      planned.push({ input: e.input, refused: text.outputClaimedTwice(e.target, other.input.path, e.input.path) });
    } else if (!options.force && (await kind(e.target)) !== undefined)
      planned.push({ input: e.input, refused: text.outputExists(e.target, e.input.path) });
    else planned.push({ input: e.input, target: e.target });
  }
  return planned;
}
