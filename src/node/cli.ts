// The `jixiao` command. This entry loads almost nothing: it starts the worker threads a
// batch will need, then loads the rest of the CLI (main.js) while they load theirs, so the
// two start-ups overlap on two cores instead of following each other.
import { earlyPool } from './pool.js';

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
