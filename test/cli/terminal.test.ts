import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/text/chars.js';
import { inTerminal, jixiao } from '../helpers/cli.js';
import { fixture } from '../helpers/fixtures.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-terminal-'));
  // Enough files for the progress bar, different enough to give different lines.
  const names = ['seed-shaodong-2020.txt', 'placeholders.txt', 'skipped-and-misnumbered.txt', 'title-block.txt'];
  for (let i = 0; i < 48; i++) writeFileSync(join(dir, `r${String(i).padStart(2, '0')}.txt`), fixture(names[i % 4]!));
  writeFileSync(join(dir, 'zz-empty.txt'), '');
});

describe('on a terminal', () => {
  it('shows a progress bar that never mixes with the results (pseudo-terminal, screen emulator)', async () => {
    const piped = jixiao(['check', dir, '--jobs', '2']);
    const terminal = await inTerminal(['check', dir, '--jobs', '2']);
    expect(terminal.status).toBe(2);
    // The bar was drawn (on standard error, which is the terminal)…
    expect(terminal.raw).toMatch(/\r\[#*-*\] \d+\/49 个文件/);
    // …and never restores a saved cursor over earlier lines.
    // eslint-disable-next-line no-control-regex
    expect(terminal.raw).not.toMatch(/\u001b(7|8|\[s|\[u)/);
    // What a person sees at the end is exactly the results, line for line, and no bar.
    expect(terminal.screen).toEqual(piped.stdout.trimEnd().split('\n'));
    expect(terminal.screen.join('\n')).not.toMatch(/个文件\s*$|\[#/m);
  });

  it('keeps the bar within the width of a narrow terminal', async () => {
    const terminal = await inTerminal(['check', dir, '--no-color'], { cols: 30 });
    // eslint-disable-next-line no-control-regex
    const bars = terminal.raw.match(/\r[^\r\n]+\u001b\[K/g) ?? [];
    expect(bars.length).toBeGreaterThan(0);
    for (const bar of bars) expect(displayWidth(bar.slice(1, -3))).toBeLessThan(30);
    // Lines wrap on a narrow screen; apart from white space it shows exactly the results.
    const piped = jixiao(['check', dir]).stdout;
    expect(terminal.screen.join('').replace(/\s/g, '')).toBe(piped.replace(/\s/g, ''));
  });

  it('colours stylish output on a terminal, not with NO_COLOR, not in a pipe, and with FORCE_COLOR', async () => {
    const file = join(dir, 'r00.txt');
    expect((await inTerminal(['check', file])).raw).toContain('\u001b[31m错误\u001b[39m');
    expect((await inTerminal(['check', file], { env: { NO_COLOR: '1' } })).raw).not.toContain('\u001b[31m');
    expect(jixiao(['check', file]).stdout).not.toContain('\u001b[');
    expect(jixiao(['check', file], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[31m错误');
    expect(jixiao(['check', file, '--color']).stdout).toContain('\u001b[31m错误');
    expect((await inTerminal(['check', file, '--no-color'])).raw).not.toContain('\u001b[31m');
  });
});

describe('--quiet', () => {
  it('prints errors only, and no summary when there is nothing to say', () => {
    const file = join(dir, 'r00.txt');
    const quiet = jixiao(['check', file, '--quiet']);
    expect(quiet.stdout).not.toContain('警告');
    expect(quiet.stdout.trim().split('\n').pop()).toBe('✖ 检查了 1 个文件：2 个错误');
    const warnOnly = jixiao([
      'check',
      file,
      '--quiet',
      '--rule',
      'no-placeholder-section:off',
      '--rule',
      'no-empty-annex:off',
    ]);
    expect(warnOnly.status).toBe(0);
    expect(warnOnly.stdout).toBe('');
  });
});
