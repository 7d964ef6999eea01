import type { CliText, Limits } from '../text.js';
import type { TaskResult } from '../task.js';

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  unreadable: number;
}

/** What every format needs besides the results: wording, colour, limits, the working folder. */
export interface FormatContext {
  text: CliText;
  color: boolean;
  quiet: boolean;
  limits: Limits;
  cwd: string;
  version: string;
}

/** Writes results as they arrive (stable order), then a closing part. */
export interface Formatter {
  start(): string;
  file(result: TaskResult): string;
  end(summary: Summary): string;
}
