// How long the CLI takes to start and finish on one small file: `jixiao --version`, then `jixiao check`
// on a one-paragraph .txt, .docx and .pdf (written here), each run as a new process, as users run it.
// Reports the wall-clock time and the CPU time (user + system, which the process reports as it exits):
// on a busy machine the second is the one to compare.
//
//   node bench/startup.mjs [--cli path/to/cli.js] [--runs 30]
//
// --cli measures another build (e.g. an installed release) on the same inputs. Needs a built tree.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Document, Packer, Paragraph } from 'docx';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { cli: { type: 'string' }, runs: { type: 'string' } } });
const cli = resolve(values.cli ?? join(ROOT, 'dist', 'cli.js'));
const runs = Number(values.runs ?? 30);

const dir = mkdtempSync(join(tmpdir(), 'jixiao-startup-'));
const text = '一、部门（单位）基本概况\n本部门2020年预算支出100万元，预算执行率98%。\n';
writeFileSync(join(dir, 'one.txt'), text);
const docx = new Document({
  sections: [
    {
      children: text
        .trim()
        .split('\n')
        .map((t) => new Paragraph(t)),
    },
  ],
});
writeFileSync(join(dir, 'one.docx'), await Packer.toBuffer(docx));
writeFileSync(join(dir, 'one.pdf'), readFileSync(join(ROOT, 'fixtures', 'read', 'restricted.pdf')));

const commands = [
  ['node -e 0 (Node itself)', ['-e', '0']],
  ['jixiao --version', [cli, '--version']],
  ['jixiao check one.txt', [cli, 'check', join(dir, 'one.txt'), '--jobs', '1']],
  ['jixiao check one.docx', [cli, 'check', join(dir, 'one.docx'), '--jobs', '1']],
  ['jixiao check one.pdf', [cli, 'check', join(dir, 'one.pdf'), '--jobs', '1']],
];

// Preloaded into each run: prints the process's CPU time as it exits.
const cpu =
  'data:text/javascript,' +
  encodeURIComponent(
    "import { writeSync } from 'node:fs';" +
      "process.on('exit', () => { const u = process.cpuUsage(); writeSync(2, `\\ncpu-us ${u.user + u.system}\\n`); });",
  );

/** Wall-clock and CPU milliseconds of each of `runs` runs, after two warm-up runs, sorted. */
function time(args) {
  const wall = [];
  const used = [];
  for (let i = 0; i < runs + 2; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--import', cpu, ...args], { encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')}: ${result.stderr}`);
    if (i < 2) continue;
    wall.push(ms);
    used.push(Number(/cpu-us (\d+)/.exec(result.stderr)[1]) / 1000);
  }
  return { wall: wall.sort((a, b) => a - b), cpu: used.sort((a, b) => a - b) };
}

const median = (list) => list[Math.floor(list.length / 2)].toFixed(0);
console.log(`${cli}, ${runs} runs each, Node ${process.version}\n`);
console.log('| command | CPU ms, median | CPU ms, min | wall ms, median |');
console.log('|---|---:|---:|---:|');
for (const [name, args] of commands) {
  const { wall, cpu: used } = time(args);
  console.log(`| ${name} | ${median(used)} | ${used[0].toFixed(0)} | ${median(wall)} |`);
}
rmSync(dir, { recursive: true, force: true });
