import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { nearest } from '../../src/node/args.js';
import { escapeControl } from '../../src/node/format/escape.js';
import { environmentLocale, localeFlag } from '../../src/node/locale.js';
import { neutralise } from '../../src/node/output.js';
import { defaultJobs } from '../../src/node/pool.js';
import { displayWidth } from '../../src/text/chars.js';

describe('the CLI’s small parts', () => {
  it('suggests an option one typo away, and nothing for a word far from all', () => {
    const options = ['--format', '--fix', '--fix-dry-run', '--out', '--out-dir', '-o'];
    expect(nearest('--formt', options)).toBe('--format');
    expect(nearest('--fxi', options)).toBe('--fix');
    expect(nearest('--out-dri=x', options)).toBe('--out-dir');
    expect(nearest('--colour', options)).toBeUndefined();
  });

  it('reads the locale the POSIX way', () => {
    expect(environmentLocale({ LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(environmentLocale({ LANG: 'en_GB.UTF-8', LC_MESSAGES: 'zh_TW' })).toBe('zh-CN');
    expect(environmentLocale({ LANG: 'zh_CN.UTF-8', LC_ALL: 'en_US' })).toBe('en');
    expect(environmentLocale({ LANG: 'C.UTF-8' })).toBeUndefined();
    expect(environmentLocale({ LANG: 'de_DE.UTF-8' })).toBeUndefined();
    expect(localeFlag(['check', '--locale=en'])).toBe('en');
    expect(localeFlag(['check', '--', '--locale', 'en'])).toBeUndefined();
  });

  it('neutralises formula cells and escapes control characters', () => {
    expect(['=1+1', '+86', '-5', '@SUM', '\tx', '一、', '1.5'].map(neutralise)).toEqual([
      "'=1+1",
      "'+86",
      "'-5",
      "'@SUM",
      "'\tx",
      '一、',
      '1.5',
    ]);
    expect(escapeControl('a\nb\u001b[31mc\u202ed\u0085')).toBe('a\\nb\\x1b[31mc\\u202ed\\x85');
  });

  it('counts wide characters twice on a terminal', () => {
    expect(displayWidth('ab')).toBe(2);
    expect(displayWidth('个文件')).toBe(6);
    expect(displayWidth('（一）')).toBe(6);
  });

  it('starts one worker for a small batch and one per megabyte up to the cores', () => {
    expect(defaultJobs(0)).toBe(1);
    expect(defaultJobs(600 * 1024)).toBe(1);
    expect(defaultJobs(2 * 1024 * 1024)).toBe(Math.min(2, availableParallelism()));
    expect(defaultJobs(1024 ** 3)).toBe(availableParallelism());
  });
});
