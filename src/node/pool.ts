import { availableParallelism } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { Task, TaskResult } from './task.js';

/** How files are run: on how many threads, and within which limits each. */
export interface PoolOptions {
  jobs: number;
  /** Old-generation heap of each worker, in MB: a file that needs more fails alone. */
  maxMemoryMb: number;
  /** Time limit per file, from its hand-over to a ready worker. */
  timeoutMs: number;
}

/**
 * Below this many files per extra thread, starting one more worker costs more than it
 * saves: a worker takes about 0.2 s to start (loading the bundle), the seed takes
 * about 4 ms to check, so 50 files pay for one (docs/benchmarks.md, CLI).
 */
const FILES_PER_WORKER = 50;

/** Node's own heap limit for this process, in MB: the default for each worker. */
export function defaultMaxMemoryMb(): number {
  return Math.round(getHeapStatistics().heap_size_limit / 1024 / 1024);
}

/** What is fastest for `files` files on this machine: a thread per core, as far as the batch pays for them. */
export function defaultJobs(files: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(files / FILES_PER_WORKER)));
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  busy: boolean;
}

type Done = (result: TaskResult) => void;

/**
 * A fixed set of worker threads. Every file runs in a worker, never on the main thread,
 * so a file that exhausts a worker's heap (`resourceLimits`) or its time limit fails alone:
 * the worker is ended and replaced, and the batch goes on.
 */
export class Pool {
  private slots: Slot[] = [];
  private queue: Array<{ task: Task; done: Done }> = [];
  private closed = false;

  constructor(private readonly options: PoolOptions) {}

  /** Starts workers up to `jobs` (they load while the main thread finds the files). */
  grow(jobs = this.options.jobs): void {
    while (this.slots.length < jobs) this.slots.push(this.start());
  }

  private start(): Slot {
    const worker = new Worker(new URL('./worker.js', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxMemoryMb },
      // Workers write nothing to the terminal; the main thread owns stdout and stderr.
      stdout: false,
      stderr: false,
    });
    const ready = new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
    // Ready or not, an early failure is handled where the task is run.
    ready.catch(() => {});
    return { worker, ready, busy: false };
  }

  /** Runs one task on the next free worker. Never rejects. */
  run(task: Task): Promise<TaskResult> {
    if (this.slots.length === 0) this.grow(1);
    return new Promise((done) => {
      this.queue.push({ task, done });
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.busy) continue;
      slot.busy = true;
      const { task, done } = this.queue.shift()!;
      void this.runOn(slot, task).then((result) => {
        done(result);
        this.dispatch();
      });
    }
  }

  private async runOn(slot: Slot, task: Task): Promise<TaskResult> {
    const fail = (code: 'too-large' | 'timeout' | 'internal', reason: string): TaskResult => ({
      path: task.name ?? task.path,
      ok: false,
      code,
      reason,
    });
    try {
      await slot.ready;
    } catch (error) {
      this.replace(slot);
      return fail('internal', `a worker thread failed to start (${String(error)})`);
    }
    const { worker } = slot;
    return new Promise<TaskResult>((resolve) => {
      let settled = false;
      const finish = (result: TaskResult, replace: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (replace) this.replace(slot);
        else slot.busy = false;
        resolve(result);
      };
      const onMessage = (result: TaskResult) => finish(result, false);
      const onError = (error: Error & { code?: string }) =>
        finish(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? fail('too-large', `out of memory: processing it needs more than ${this.options.maxMemoryMb} MB`)
            : fail('internal', error.message),
          true,
        );
      const onExit = () => finish(fail('internal', 'the worker thread stopped'), true);
      const timer = setTimeout(() => {
        finish(fail('timeout', `took longer than ${this.options.timeoutMs} ms`), true);
      }, this.options.timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(task);
    });
  }

  /** Ends a worker that failed or ran out of time, and starts another in its place. */
  private replace(slot: Slot): void {
    void slot.worker.terminate();
    const index = this.slots.indexOf(slot);
    if (this.closed) {
      this.slots.splice(index, 1);
      return;
    }
    this.slots[index] = this.start();
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots = [];
  }
}

/**
 * Runs the tasks on the pool and yields the results in input order as soon as each is
 * ready, so output streams in a stable order with a bounded number of results held.
 */
export async function* runAll(tasks: Task[], pool: Pool, jobs: number): AsyncGenerator<TaskResult> {
  pool.grow(jobs);
  // A few tasks queued behind each running one, so a worker never waits for the main
  // thread, and one slow file does not leave the others idle for long.
  yield* inOrder(tasks, jobs * 8, (task) => pool.run(task));
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
