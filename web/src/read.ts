/**
 * Reading a submitted file in the browser: the one place the page turns bytes into text. It is the CLI's reader,
 * `readBytes` of `jixiao/read` (`src/read/index.ts`): the same formats, error codes, reasons and warnings. What is
 * the page's own is only which settings reach it: `encoding`, `maxSize` and `maxExpandedSize` of the `.jixiaorc.json`
 * the page holds.
 */
import { ENCODINGS, type Encoding, type ReadOptions } from '../../src/read/index.js';
import type { EngineConfig } from './protocol.js';

export { readBytes, type ReadResult } from '../../src/read/index.js';

/**
 * The reader's options from the engine's configuration. Throws on settings the CLI refuses too (an encoding it
 * does not know, a size that is not a positive whole number), saying which and what is allowed: the engine then
 * refuses the configuration, as the CLI refuses the file, instead of reading with something else.
 *
 * @example
 *   readOptions({ rules: {}, locale: 'en', encoding: 'gb18030' }) // {locale: 'en', encoding: 'gb18030'}
 */
export function readOptions(config: EngineConfig): ReadOptions {
  const { encoding, maxSize, maxExpandedSize } = config;
  const bytes = (value: unknown) => typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
  if (encoding !== undefined && !ENCODINGS.includes(encoding as Encoding))
    throw new Error(`"encoding" must be one of ${ENCODINGS.join(', ')}, not ${JSON.stringify(encoding)}`);
  if (maxSize !== undefined && !bytes(maxSize))
    throw new Error(`"maxSize" must be a whole number of bytes above 0, not ${JSON.stringify(maxSize)}`);
  if (maxExpandedSize !== undefined && !bytes(maxExpandedSize))
    throw new Error(
      `"maxExpandedSize" must be a whole number of bytes above 0, not ${JSON.stringify(maxExpandedSize)}`,
    );
  return {
    locale: config.locale,
    ...(encoding !== undefined ? { encoding: encoding as Encoding } : {}),
    ...(maxSize !== undefined ? { maxSize: maxSize as number } : {}),
    ...(maxExpandedSize !== undefined ? { maxExpandedSize: maxExpandedSize as number } : {}),
  };
}
