import { availableParallelism } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { Task, TaskResult } from './task.js';

/**
 * The longest delay a timer takes (2^31 − 1 ms, 24.8 days): Node runs a longer one after 1 ms, so a
 * `--timeout 3000000` (or `"timeout": 3000000`), meaning "no limit", failed every file at once.
 */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** How files are run: on how many threads, and within which limits each. */
export interface PoolOptions {
  jobs: number;
  /** Old-generation heap of each worker, in MB: a file that needs more fails alone. */
  maxMemoryMb: number;
  /** Time limit per file, from its hand-over to a ready worker. */
  timeoutMs: number;
}

/**
 * Below this many bytes of input per thread, one more worker costs more than it saves.
 * Each worker pays about 1 s of CPU before it runs at full speed: 0.3 s to load its code
 * and about 0.8 s of warming up (V8 runs the parser interpreted until it is hot: the
 * first 150 copies of the seed take 0.8 s, the next 150 0.2 s). A megabyte (about 150
 * seeds) is where a second thread starts to pay on two cores (docs/benchmarks.md, CLI).
 */
const BYTES_PER_WORKER = 1024 * 1024;

/** The time limit per file, in seconds, when `--timeout` does not say. */
export const DEFAULT_TIMEOUT_S = 60;

/** Node's own heap limit for this process, in MB: the default for each worker. */
export function defaultMaxMemoryMb(): number {
  return Math.round(getHeapStatistics().heap_size_limit / 1024 / 1024);
}

/** The batch size past which the default number of jobs stops growing: every core busy. */
export const enoughBytes = () => availableParallelism() * BYTES_PER_WORKER;

/** What is fastest for a batch of `bytes` on this machine: a thread per core, as far as the batch pays for them. */
export function defaultJobs(bytes: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(bytes / BYTES_PER_WORKER)));
}

type Done = (result: TaskResult) => void;

interface Entry {
  task: Task;
  done: Done;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Tasks handed to the worker, run one after the other; the first is running. */
  running: Entry[];
  timer?: NodeJS.Timeout | undefined;
}

/**
 * Tasks handed to a worker at once: the next one waits in the worker's queue, so the
 * worker never idles while the main thread takes a result and sends the next file.
 */
const DEPTH = 2;

/**
 * A fixed set of worker threads. Every file runs in a worker, never on the main thread,
 * so a file that exhausts a worker's heap (`resourceLimits`) or its time limit fails alone:
 * the worker is ended and replaced, the files queued behind it go to another, and the
 * batch goes on. The time limit of a file runs from when its worker starts on it.
 */
export class Pool {
  private slots: Slot[] = [];
  private queue: Entry[] = [];
  private closed = false;
  private broken: string | undefined;

  constructor(readonly options: PoolOptions) {}

  /** True when this pool was started with these limits (an early pool can be kept). */
  matches(options: Omit<PoolOptions, 'jobs'>): boolean {
    return options.maxMemoryMb === this.options.maxMemoryMb && options.timeoutMs === this.options.timeoutMs;
  }

  /** Starts workers up to `jobs`; they load their code while the main thread goes on. */
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
    const slot: Slot = { worker, ready: false, running: [] };
    worker.on('message', (message: TaskResult | 'ready') => {
      if (message === 'ready') {
        slot.ready = true;
        this.pump();
        return;
      }
      const entry = slot.running.shift();
      this.arm(slot);
      entry?.done(message);
      this.pump();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (!slot.ready && error.code !== 'ERR_WORKER_OUT_OF_MEMORY') {
        // A worker that cannot even start will not start next time either.
        this.broken = `a worker thread failed to start (${error.message})`;
        this.fail(slot, 'internal', this.broken);
        return;
      }
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY')
        this.fail(slot, 'too-large', `out of memory: processing it needs more than ${this.options.maxMemoryMb} MB`);
      else this.fail(slot, 'internal', error.message);
    });
    worker.on('exit', () => {
      if (!this.closed && this.slots.includes(slot)) this.fail(slot, 'internal', 'the worker thread stopped');
    });
    return slot;
  }

  /** Starts the time limit of the slot's running task, if it has one. */
  private arm(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    if (slot.running.length === 0) return;
    slot.timer = setTimeout(
      () => this.fail(slot, 'timeout', `took longer than ${this.options.timeoutMs} ms`),
      Math.min(this.options.timeoutMs, MAX_TIMER_MS),
    );
  }

  /**
   * Fails the slot's running task, ends its worker and starts another; the tasks queued
   * behind it go back to the front of the queue.
   */
  private fail(slot: Slot, code: 'too-large' | 'timeout' | 'internal', reason: string): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    clearTimeout(slot.timer);
    const [head, ...rest] = slot.running;
    slot.running = [];
    for (let i = rest.length - 1; i >= 0; i--) this.queue.unshift(rest[i]!);
    this.slots.splice(index, 1);
    void slot.worker.terminate();
    if (head) head.done({ path: head.task.name ?? head.task.path, ok: false, code, reason });
    if (!this.closed && !this.broken) this.slots.push(this.start());
    this.pump();
  }

  /** Runs one task on the next free worker. Never rejects. */
  run(task: Task): Promise<TaskResult> {
    if (this.slots.length === 0 && !this.broken) this.grow(1);
    return new Promise((done) => {
      this.queue.push({ task, done });
      this.pump();
    });
  }

  private pump(): void {
    if (this.broken) {
      for (const { task, done } of this.queue.splice(0))
        done({ path: task.name ?? task.path, ok: false, code: 'internal', reason: this.broken });
      return;
    }
    // Fill the idle workers first, then queue one more behind each.
    for (let depth = 1; depth <= DEPTH; depth++) {
      for (const slot of this.slots) {
        if (this.queue.length === 0) return;
        if (!slot.ready || slot.running.length >= depth) continue;
        const entry = this.queue.shift()!;
        slot.running.push(entry);
        slot.worker.postMessage(entry.task);
        if (slot.running.length === 1) this.arm(slot);
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const slot of this.slots) clearTimeout(slot.timer);
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

/** The batch commands: the ones that run files on workers. */
const BATCH = new Set(['check', 'extract', 'convert']);

/**
 * Workers for a batch command, started before the rest of the CLI is loaded: `--jobs N`
 * of them, else one (more are started once the batch's size is known). The limits are
 * read from the raw flags; when they turn out different or wrong, the pool is replaced.
 */
export function earlyPool(argv: string[]): Pool | undefined {
  if (!BATCH.has(argv[0] ?? '')) return undefined;
  const flag = (name: string) => {
    for (let i = 1; i < argv.length; i++) {
      const arg = argv[i]!;
      if (arg === '--') break;
      if (arg === '-h' || arg === '--help' || arg.startsWith('--print-config')) return 'stop';
      if (arg === name) return argv[i + 1];
      if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
    }
    return undefined;
  };
  if ([flag('--help'), flag('--jobs')].includes('stop')) return undefined;
  const number = (value: string | undefined) => (value && /^\d+(\.\d+)?$/.test(value) ? Number(value) : undefined);
  const jobs = Math.min(availableParallelism(), Math.max(1, Math.floor(number(flag('--jobs') ?? flag('-j')) ?? 1)));
  const pool = new Pool({
    jobs,
    maxMemoryMb: Math.floor(number(flag('--max-memory')) ?? defaultMaxMemoryMb()),
    timeoutMs: Math.round((number(flag('--timeout')) ?? DEFAULT_TIMEOUT_S) * 1000),
  });
  pool.grow(jobs);
  return pool;
}
