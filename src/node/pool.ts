import { cpus } from 'node:os';
import { Piscina } from 'piscina';
import { runTask, type Task, type TaskResult } from './task.js';

/** Below this many files per thread, starting workers costs more than it saves. */
const FILES_PER_WORKER = 4;
/** Files read ahead while one is parsed, when working in this thread. */
const IN_FLIGHT = 4;
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
    // A few tasks in flight: the next files are read while this one is parsed (the
    // thread sat idle on every read otherwise). Results still come in input order.
    yield* inOrder(tasks, IN_FLIGHT, runTask);
    return;
  }
  const pool = new Piscina({
    filename: new URL('./worker.js', import.meta.url).href,
    maxThreads: jobs,
    minThreads: jobs,
    // A report's garbage is short-lived: a small young generation per worker keeps the
    // batch's peak memory down at little cost in speed (docs/benchmarks.md).
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    // Two tasks per worker: one is read from disk while the other is parsed.
    concurrentTasksPerWorker: 2,
  });
  try {
    yield* inOrder(tasks, jobs * 4, (task) =>
      (pool.run(task) as Promise<TaskResult>).catch((error: unknown) => ({
        path: task.path,
        ok: false as const,
        code: 'internal' as const,
        reason: String(error),
      })),
    );
  } finally {
    await pool.destroy();
  }
}

/** Runs up to `window` tasks at once and yields their results in input order. */
async function* inOrder(
  tasks: Task[],
  window: number,
  run: (task: Task) => Promise<TaskResult>,
): AsyncGenerator<TaskResult> {
  const pending = new Map<number, Promise<TaskResult>>();
  let next = 0;
  for (let i = 0; i < tasks.length; i++) {
    while (next < tasks.length && pending.size < window) {
      pending.set(next, run(tasks[next]!));
      next++;
    }
    const result = await pending.get(i)!;
    pending.delete(i);
    yield result;
  }
}
