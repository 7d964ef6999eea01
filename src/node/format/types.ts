import type { TaskResult } from '../task.js';

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  unreadable: number;
}

/** Writes results as they arrive (stable order), then a closing part. */
export interface Formatter {
  start(): string;
  file(result: TaskResult): string;
  end(summary: Summary): string;
}
