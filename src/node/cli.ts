// The `jixiao` command. This entry loads almost nothing: it starts the worker threads a
// batch will need, then loads the rest of the CLI (main.js) while they load theirs, so the
// two start-ups overlap on two cores instead of following each other.
import { setFlagsFromString } from 'node:v8';
import { earlyPool } from './pool.js';

/**
 * Makes V8's optimising compiler inline less and start a little later, in this process and
 * in the workers it starts (V8's flags are the process's). Each worker compiles the pipeline
 * on its own (JIT code is per isolate), on V8's background threads, and that compilation was
 * the larger part of a worker's warm-up: over 600 copies of the seed, about 0.9 s of CPU beside
 * 0.7 s of running them, competing for the same cores. With these settings the CLI took
 * 1.55–1.84 s of CPU instead of 2.08–2.23 s with one job and 2.06–2.23 s instead of 2.87–3.34 s
 * with two (docs/benchmarks.md, CLI); warm code runs as fast as before (3,000 generated
 * reports: 2.93–3.07 s against 2.92–2.97 s). Flags the user set (NODE_OPTIONS, node's own
 * options) are left as they are.
 */
function compileLighter(): void {
  const given = `${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`;
  for (const flag of ['--max-inlined-bytecode-size-cumulative=230', '--interrupt-budget=264000'])
    if (!given.includes(flag.slice(0, flag.indexOf('=')))) setFlagsFromString(flag);
}

compileLighter();
const argv = process.argv.slice(2);
const pool = earlyPool(argv);

// `jixiao check … | head`: a reader that stops early is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

try {
  // A computed name: main.js is its own file, loaded now, not bundled into this one.
  const { main } = (await import(new URL('./cli-main.js', import.meta.url).href)) as typeof import('./main.js');
  process.exitCode = await main(argv, pool);
  await pool?.close();
} catch (error) {
  process.stderr.write(
    `jixiao: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 2;
  await pool?.close();
}
