/**
 * What kind of mistake a {@link JixiaoError} reports. Stable: the CLI maps them to exit
 * codes and callers branch on them.
 *
 * - `usage`: the command line is wrong (an unknown flag, a bad value).
 * - `config`: a configuration file or a configuration object is wrong (an unknown rule, a bad severity, bad
 *   rule options, an invalid profile).
 * - `options`: an option passed to a function of the API is wrong (`parse(text, {year: '2020'})`).
 */
export type JixiaoErrorCode = 'usage' | 'config' | 'options';

/** Where a {@link JixiaoError} comes from and which key is at fault. */
export interface JixiaoErrorDetails {
  code: JixiaoErrorCode;
  /** The file at fault (a configuration file, a profile), when there is one. */
  file?: string;
  /** The key or flag at fault: `rules.rate-consistency`, `year`, `--max-size`. */
  key?: string;
  cause?: unknown;
}

/**
 * The one error jixiao throws on purpose: a mistake of the caller's, with what is wrong, where (`file`,
 * `key`) and how to fix it in `message`. Anything else thrown is a bug.
 *
 * @example
 *   check(text, { rules: { 'no-such-rule': 'error' } }) // throws JixiaoError: unknown rule "no-such-rule"
 *   new JixiaoError('option "year": …', { code: 'options', key: 'year' }).key // 'year'
 */
export class JixiaoError extends Error {
  override name = 'JixiaoError';
  readonly code: JixiaoErrorCode;
  readonly file: string | undefined;
  readonly key: string | undefined;

  constructor(message: string, details: JixiaoErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = details.code;
    this.file = details.file;
    this.key = details.key;
  }
}
