import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import * as read from '../../src/read/index.js';
import { builtCli, ROOT } from '../helpers/cli.js';
import { wordReport } from './make.js';

describe('jixiao/read', () => {
  it('exports exactly these names', () => {
    // Adding or removing a public name is an API change: update this list on purpose.
    expect(Object.keys(read).sort()).toEqual([
      'DEFAULT_MAX_EXPANDED_SIZE',
      'DEFAULT_MAX_PAGES',
      'DEFAULT_MAX_SIZE',
      'ENCODINGS',
      'readBytes',
    ]);
  });

  it('bundles for the browser with esbuild, the readers of .docx, .pdf and CMaps in chunks of their own', async () => {
    const result = await build({
      entryPoints: [join(ROOT, 'src', 'read', 'index.ts')],
      bundle: true,
      splitting: true,
      platform: 'browser',
      format: 'esm',
      outdir: join(tmpdir(), 'jixiao-read-bundle'),
      write: false,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const entry = result.outputFiles.find((f) => f.path.endsWith('index.js'))!;
    // The entry is small; mammoth (its browser build) and pdf.js come only with a .docx or a .pdf.
    expect(entry.text.length).toBeLessThan(40_000);
    expect(entry.text).not.toMatch(/JSZip|pdfjs|GB_CMAPS/);
    const all = result.outputFiles.map((f) => f.text).join('\n');
    expect(all).toContain('Could not find file in options'); // mammoth's browser unzip, which takes arrayBuffer
    expect(all).toContain('GB_CMAPS');
    expect(all).not.toMatch(/\brequire\(["'](node:)?(fs|path|zlib)["']\)/);
  });

  it('is not part of the core entry', async () => {
    const result = await build({
      entryPoints: [join(ROOT, 'src', 'index.ts')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    expect(result.outputFiles[0]!.text).not.toMatch(/mammoth|unpdf|pdfjs|word-extractor/);
  });
});

describe('the CLI loads the readers of .docx, .pdf and .doc only when it meets such a file', () => {
  /** The packages `jixiao args…` imports (and it must have read its file). */
  function packages(args: string[]): string[] {
    const trace = join(mkdtempSync(join(tmpdir(), 'jixiao-trace-')), 'imports.txt');
    writeFileSync(trace, '');
    const run = spawnSync(
      process.execPath,
      ['--import', join(ROOT, 'test', 'read', 'trace-imports.mjs'), builtCli(), ...args],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, JIXIAO_TRACE: trace, NO_COLOR: '1' },
      },
    );
    expect(run.stdout + run.stderr).not.toContain('cannot read');
    return [...new Set(readFileSync(trace, 'utf8').split('\n').filter(Boolean))];
  }
  const readers = /^(mammoth|unpdf|word-extractor)/;

  it('loads none for --version or for a text file', () => {
    const text = join(ROOT, 'fixtures', 'seed-shaodong-2020.txt');
    expect(packages(['--version']).filter((p) => readers.test(p))).toEqual([]);
    const checked = packages(['check', text, '--jobs', '1']);
    expect(checked).toContain('vfile-message'); // the trace works (check makes vfile messages)
    expect(checked.filter((p) => readers.test(p))).toEqual([]);
  });

  it('loads pdf.js for a PDF and word-extractor for a .doc', () => {
    const pdf = packages(['check', join(ROOT, 'fixtures', 'read', 'restricted.pdf'), '--jobs', '1']);
    expect(pdf.filter((p) => readers.test(p))).toEqual(['unpdf/pdfjs']);
    const doc = packages(['check', join(ROOT, 'fixtures', 'read', 'short.doc'), '--jobs', '1']);
    expect(doc.filter((p) => readers.test(p))).toEqual(['word-extractor']);
  });

  it('reads a .docx with the mammoth built into dist/mammoth.js, whose licences go with it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'jixiao-docx-'));
    writeFileSync(join(folder, 'report.docx'), await wordReport());
    expect(packages(['check', join(folder, 'report.docx'), '--jobs', '1']).filter((p) => readers.test(p))).toEqual([]);
    const licences = readFileSync(join(ROOT, 'dist', 'mammoth.js.LICENSE.txt'), 'utf8');
    for (const name of ['mammoth', 'jszip', 'pako', '@xmldom/xmldom', 'underscore', 'xmlbuilder', 'lop'])
      expect(licences).toMatch(new RegExp(`^${name}@\\d`, 'm'));
  });
});
