import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/read/decode.js';
import { readBytes } from '../../src/read/index.js';
import { fixture, fixtureNames } from '../helpers/fixtures.js';

const seed = fixture('seed-shaodong-2020.txt');
const utf8 = (text: string) => new TextEncoder().encode(text);

/** The seed as UTF-8 with the byte at `at` replaced. */
function damaged(at: number, byte = 0xff): Uint8Array {
  const bytes = utf8(seed);
  bytes[at] = byte;
  return bytes;
}

describe('decode', () => {
  it('holds its JSDoc example', () => {
    expect(decode(new Uint8Array([0xc4, 0xe3, 0xba, 0xc3])).text).toBe('你好');
  });

  it('keeps a UTF-8 report with one bad byte as UTF-8, and says where the byte is', async () => {
    // The byte that starts the first character of line 7 ('（一）…'): it turned the whole file into mojibake before.
    const at = utf8(seed.split('\n').slice(0, 6).join('\n') + '\n').length;
    const result = await readBytes(damaged(at), 'report.txt', { locale: 'en' });
    expect(result).toMatchObject({ ok: true, encoding: 'utf-8' });
    if (!result.ok) return;
    // Only that character is lost: its lead byte and its two continuation bytes became U+FFFD each.
    const lines = seed.split('\n');
    expect(result.text.split('\n')[6]).toBe('\ufffd\ufffd\ufffd' + lines[6]!.slice(1));
    expect(result.text.split('\n').filter((l, i) => l !== lines[i])).toHaveLength(1);
    expect(result.warnings).toEqual([
      {
        code: 'invalid-utf8',
        reason:
          '3 byte sequences are not valid UTF-8 (the first on line 7) and became U+FFFD (�); the rest is UTF-8. ' +
          'Fix the file there, or give --encoding gb18030 if it is GB18030',
      },
    ]);
  });

  it('keeps a UTF-8 report cut off in the middle of its last character as UTF-8', () => {
    const bytes = utf8(seed.trimEnd());
    const result = decode(bytes.subarray(0, bytes.length - 1));
    expect(result.encoding).toBe('utf-8');
    expect(result.text).toBe(seed.trimEnd().slice(0, -1) + '\ufffd');
    expect(result.warnings.map((w) => w.code)).toEqual(['invalid-utf8']);
  });

  it('reads a GB18030 report as GB18030, and says it did', async () => {
    const result = await readBytes(iconv.encode(seed, 'gb18030'), 'report.txt');
    expect(result).toMatchObject({ ok: true, text: seed, encoding: 'gb18030' });
    expect(result.ok && result.warnings).toEqual([
      {
        code: 'encoding-fallback',
        reason: expect.stringMatching(/^不是有效的 UTF-8 编码（\d+ 处无效字节，第一处在第 1 行），已按 GB18030 读取；/),
      },
    ]);
  });

  it('reads every fixture, and each of their lines of 6 or more characters, right in both encodings', () => {
    // Shorter runs of GB18030 can be valid UTF-8 by chance (目录 is C4 BF C2 BC, "Ŀ¼" in UTF-8).
    for (const name of fixtureNames()) {
      const text = fixture(name).replace(/^\ufeff/, '');
      for (const piece of [text, ...text.split('\n')]) {
        if ([...piece].filter((c) => c.charCodeAt(0) > 0x7f).length < 6) continue;
        expect(decode(utf8(piece)), `${name} as UTF-8: ${piece}`).toMatchObject({ text: piece, encoding: 'utf-8' });
        expect(decode(iconv.encode(piece, 'gb18030')), `${name} as GB18030: ${piece}`).toMatchObject({
          text: piece,
          encoding: 'gb18030',
        });
      }
    }
  });

  it('never takes GB18030 text for UTF-8, nor UTF-8 with a few damaged bytes for GB18030', () => {
    const han = [...new Set(seed.replace(/[^\u4e00-\u9fff]/g, ''))];
    const report = fc
      .array(
        fc.oneof(
          fc.nat({ max: han.length - 1 }).map((i) => han[i]!),
          fc.constantFrom('，', '。', '1', '0', '%', '万元', '\n'),
        ),
        {
          minLength: 40,
          maxLength: 400,
        },
      )
      .map((chars) => chars.join(''))
      .filter((text) => [...text].filter((c) => c >= '\u4e00').length >= 30);
    fc.assert(
      fc.property(report, fc.nat(), (text, n) => {
        expect(decode(iconv.encode(text, 'gb18030'))).toMatchObject({ text, encoding: 'gb18030' });
        const bytes = utf8(text);
        bytes[n % bytes.length] = 0xff;
        expect(decode(bytes).encoding).toBe('utf-8');
      }),
      { numRuns: 300 },
    );
  });
});
