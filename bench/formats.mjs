// The CLI end to end by format, with `--jobs 1`: files per second over a batch of seed-sized
// reports as .txt, .docx and .pdf, and where one file's time goes (read, decode, parse, check,
// write), measured in this process on warm code with the same functions the worker runs.
//
//   npm run build && node bench/formats.mjs [--files 300]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { check, parse } from '../dist/index.js';
import { readBytes } from '../dist/read.js';

const ROOT = join(import.meta.dirname, '..');
const seed = readFileSync(join(ROOT, 'fixtures', 'seed-shaodong-2020.txt'), 'utf8');

/** The seed as Word writes it: one paragraph per line (made here, as fixtures/read/make.mjs does). */
async function seedDocx() {
  const children = seed.split('\n').map((text) => new Paragraph({ children: [new TextRun({ text })] }));
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** The inputs: the seed as text, as a .docx and as the PDF LibreOffice printed (fixtures/read). */
export async function formatInputs() {
  return [
    { format: '.txt', bytes: Buffer.from(seed, 'utf8') },
    { format: '.docx', bytes: await seedDocx() },
    { format: '.pdf', bytes: readFileSync(join(ROOT, 'fixtures', 'read', 'seed-shaodong-2020.pdf')) },
  ];
}

/** Runs `jixiao check --jobs 1` over a folder (or one file); wall seconds and CPU seconds of the process. */
function runCli(folder) {
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(
      '/usr/bin/time',
      [
        '-f',
        '%U %S',
        process.execPath,
        join(ROOT, 'dist', 'cli.js'),
        'check',
        folder,
        '--format',
        'json',
        '--jobs',
        '1',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => {
      const m = /([\d.]+) ([\d.]+)\s*$/.exec(stderr);
      if (!m || code === null || code > 1) return fail(new Error(`jixiao exited ${code}: ${stderr.slice(0, 300)}`));
      done({ wall: (performance.now() - start) / 1000, cpu: Number(m[1]) + Number(m[2]) });
    });
  });
}

/** Median time in ms of `fn` over `runs` calls after `warm` unmeasured ones. */
async function median(fn, runs = 40, warm = 20) {
  for (let i = 0; i < warm; i++) await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}

/**
 * Files per second through the CLI (median of `runs`, interleaved across formats) and the
 * stages of one file on warm code: read (the file's bytes), decode (bytes to text: the
 * encoding; for .docx the lean reader, or mammoth for what it leaves to mammoth; pdf.js for PDFs), parse,
 * check, write (the JSON line).
 */
export async function cliByFormat({ files = 300, runs = 3 } = {}) {
  const inputs = await formatInputs();
  const rows = [];
  for (const input of inputs) {
    const folder = mkdtempSync(join(tmpdir(), 'jixiao-formats-'));
    for (let i = 0; i < files; i++)
      writeFileSync(join(folder, `r${String(i).padStart(4, '0')}${input.format}`), input.bytes);
    const path = join(folder, `r0000${input.format}`);
    const text = (await readBytes(input.bytes, path)).text;
    const tree = parse(text);
    const messages = check(tree);
    // What the worker sends back and the main thread writes: plain messages, as JSON.
    const plain = messages.map((m) => ({ ruleId: m.ruleId, line: m.line, column: m.column, message: m.reason }));
    const pdf = input.format === '.pdf';
    const stages = {
      // As the CLI's worker reads a file (src/node/read/read-report.ts).
      read: await median(() => readFileSync(path)),
      decode: await median(() => readBytes(input.bytes, path), pdf ? 20 : 60, pdf ? 5 : 20),
      parse: await median(() => parse(text), 300, 300),
      // check() caches per tree: each run checks a fresh one (parse timed apart and taken off).
      check: Math.max(
        0,
        (await median(() => check(parse(text)), 300, 300)) - (await median(() => parse(text), 300, 300)),
      ),
      write: await median(() => JSON.stringify({ filePath: path, messages: plain }), 300, 300),
    };
    // One file alone: what the process costs whatever the batch (start-up, loading, the first file cold).
    const one = mkdtempSync(join(tmpdir(), 'jixiao-formats-one-'));
    writeFileSync(join(one, `r${input.format}`), input.bytes);
    rows.push({ ...input, folder, one, files, stages, chars: text.length, runs: [], oneRuns: [] });
  }
  for (let r = 0; r < runs; r++)
    for (const row of rows) {
      row.runs.push(await runCli(row.folder));
      row.oneRuns.push(await runCli(row.one));
    }
  for (const row of rows) {
    rmSync(row.folder, { recursive: true, force: true });
    rmSync(row.one, { recursive: true, force: true });
    const walls = row.runs.map((x) => x.wall).sort((a, b) => a - b);
    const cpus = row.runs.map((x) => x.cpu).sort((a, b) => a - b);
    row.wall = walls[walls.length >> 1];
    row.cpu = cpus[cpus.length >> 1];
    row.range = [walls[0], walls.at(-1)];
    row.filesPerSecond = files / row.wall;
    row.filesPerCpuSecond = files / row.cpu;
    // CPU per file over the batch, the one-file run's, and what each file after the first adds.
    row.oneFileCpu = [...row.oneRuns.map((x) => x.cpu)].sort((a, b) => a - b)[row.oneRuns.length >> 1];
    row.cpuPerFileMs = (row.cpu / files) * 1000;
    row.addedCpuPerFileMs = ((row.cpu - row.oneFileCpu) / (files - 1)) * 1000;
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { files: { type: 'string', default: '300' }, runs: { type: 'string', default: '3' } },
  });
  const rows = await cliByFormat({ files: Number(values.files), runs: Number(values.runs) });
  for (const r of rows)
    console.log(
      r.format,
      `${r.filesPerSecond.toFixed(0)} files/s (wall ${r.range.map((x) => x.toFixed(2)).join('–')} s), ${r.filesPerCpuSecond.toFixed(0)} files per CPU s,`,
      `CPU ${r.cpuPerFileMs.toFixed(2)} ms per file (one file alone ${(r.oneFileCpu * 1000).toFixed(0)} ms, each further file ${r.addedCpuPerFileMs.toFixed(2)} ms);`,
      Object.entries(r.stages)
        .map(([k, v]) => `${k} ${v.toFixed(3)} ms`)
        .join(', '),
    );
}
