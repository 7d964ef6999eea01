/**
 * What a person at a terminal sees: colours when wanted, and a progress bar that never
 * mixes with the results.
 */
import { displayWidth } from '../text/chars.js';

/**
 * Colours on `stream`? `FORCE_COLOR` (not `0`/`false`) turns them on and `NO_COLOR` off
 * (Node's own order), otherwise a terminal that is not `dumb` gets them and a pipe or a
 * file does not.
 */
export function wantsColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** SGR codes (open, close) of the styles the CLI uses. */
const SGR = {
  red: [31, 39],
  yellow: [33, 39],
  green: [32, 39],
  bold: [1, 22],
  dim: [2, 22],
  underline: [4, 24],
} as const;

export type Style = keyof typeof SGR;

/**
 * `text` in `styles` when `color` is on. Not `util.styleText`: that one decides by
 * itself from process.stdout, which is wrong for `--color`, `-o` and standard error.
 */
export function paint(color: boolean, styles: Style | Style[], text: string): string {
  if (!color) return text;
  let out = text;
  for (const style of Array.isArray(styles) ? styles : [styles])
    out = `\u001b[${SGR[style][0]}m${out}\u001b[${SGR[style][1]}m`;
  return out;
}

/** The fewest files worth a progress bar: smaller batches finish before it helps. */
const MIN_FILES = 20;
/** Redraw at most this often, in ms. */
const INTERVAL = 80;

/**
 * A one-line progress bar on standard error, only when it is a terminal. It is drawn
 * with a carriage return and erased (`\r`, erase line) before any result is written, then
 * drawn again below it: no saved cursor is restored, so no earlier line is overwritten,
 * and it is never wider than the terminal, so it never wraps.
 */
export class Progress {
  private done = 0;
  private shown = false;
  private last = 0;
  /** False while a line written to the terminal is not finished: the bar waits for it. */
  private lineStart = true;
  private readonly enabled: boolean;

  constructor(
    private readonly total: number,
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.enabled = stream.isTTY === true && total >= MIN_FILES && process.env.TERM !== 'dumb';
  }

  tick(): void {
    this.done++;
    const now = Date.now();
    if (this.enabled && this.lineStart && (now - this.last >= INTERVAL || this.done === this.total)) {
      this.last = now;
      this.draw();
    }
  }

  /** Writes `text` to `out` with the bar out of the way. */
  write(out: { write(text: string): unknown; isTTY?: boolean }, text: string): void {
    if (!text) return;
    this.clear();
    out.write(text);
    // The bar starts with a carriage return: drawn after a part line, it would erase it.
    if (out.isTTY) this.lineStart = text.endsWith('\n');
    if (this.enabled && this.lineStart && this.done < this.total) this.draw();
  }

  private draw(): void {
    const columns = this.stream.columns || 80;
    let count = ` ${this.done}/${this.total} ${this.label}`;
    if (displayWidth(count) > columns - 1) count = ` ${this.done}/${this.total}`;
    const room = Math.max(0, Math.min(40, columns - 1 - displayWidth(count) - 2));
    const filled = Math.round((room * this.done) / Math.max(1, this.total));
    const line = room > 0 ? `[${'#'.repeat(filled)}${'-'.repeat(room - filled)}]${count}` : count.trim();
    // Narrower than the terminal: a wrapped bar would leave its first part behind.
    if (displayWidth(line) < columns) this.stream.write(`\r${line}\x1b[K`);
    this.shown = true;
  }

  /** Erases the bar (before a line is written, and at the end). */
  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
