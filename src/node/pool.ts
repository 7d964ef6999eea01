import { cpus } from 'node:os';
import { Piscina } from 'piscina';
import { runTask, type Task, type TaskResult } from './task.js';

/** Below this many files per thread, starting workers costs more than it saves. */
const FILES_PER_WORKER = 4;
/** Each worker's young generation, in MB. */
const YOUNG_GENERATION_MB = 8;

export function defaultJobs(): number {
  return Math.max(1, cpus().length);
}

/**
 * Runs the tasks, `jobs` at a time on worker threads (or in this thread for one job or
 * a small batch), and yields the results in input order as soon as each is ready, so
 * output streams in a stable order with a bounded number of results held.
 */
export async function* runAll(tasks: Task[], jobs: number): AsyncGenerator<TaskResult> {
  if (jobs <= 1 || tasks.length < jobs * FILES_PER_WORKER) {
    for (const task of tasks) yield await runTask(task);
    return;
  }
  const pool = new Piscina({
    filename: new URL('./worker.js', import.meta.url).href,
    maxThreads: jobs,
    minThreads: jobs,
    // A report's garbage is short-lived: a small young generation per worker keeps the
    // batch's peak memory down at little cost in speed (docs/benchmarks.md).
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  const window = jobs * 4;
  const pending = new Map<number, Promise<TaskResult>>();
  let next = 0;
  const submit = () => {
    while (next < tasks.length && pending.size < window) {
      const index = next++;
      const task = tasks[index]!;
      pending.set(index, pool.run(task).catch((error: unknown) => ({ path: task.path, ok: false as const, code: 'internal' as const, reason: String(error) })));
    }
  };
  try {
    for (let i = 0; i < tasks.length; i++) {
      submit();
      const result = await pending.get(i)!;
      pending.delete(i);
      yield result;
    }
  } finally {
    await pool.destroy();
  }
}
