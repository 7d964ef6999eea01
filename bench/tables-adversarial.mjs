// Adversarial inputs for the table code (issue 11's readers under issue 12's promise that no input is
// super-linear): times parse and check on each, per character, beside a normal report of their size (the
// seed, repeated). An input is flagged when it costs more than 3× that per character.
//
//   node bench/tables-adversarial.mjs            # every input, at its full size
//   node bench/tables-adversarial.mjs --quick    # a tenth of each size
//   node bench/tables-adversarial.mjs --scale=2  # each size doubled (linear: twice the time)
//   node bench/tables-adversarial.mjs NAME…      # only the inputs whose name contains NAME
//
// The library is bundled from src/ with esbuild (line numbers kept), so `node --cpu-prof` on this
// script shows where the time goes without a build.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const QUICK = process.argv.includes('--quick');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const scaleArg = process.argv.find((a) => a.startsWith('--scale='));
const scale = scaleArg ? Number(scaleArg.slice(8)) : QUICK ? 0.1 : 1;
const n = (count) => Math.max(1, Math.round(count * scale));

fs.mkdirSync(path.join(ROOT, 'node_modules/.cache'), { recursive: true });
const outfile = path.join(fs.mkdtempSync(path.join(ROOT, 'node_modules/.cache', 'jixiao-adv-')), 'index.mjs');
await build({
  stdin: {
    contents: "export { check, parse } from './src/index.ts'; export { fromMarkdown } from './src/markdown.ts';",
    resolveDir: ROOT,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  outfile,
  logLevel: 'error',
  mainFields: ['module', 'main'],
});
const { check, fromMarkdown, parse } = await import(pathToFileURL(outfile).href);

const HEAD = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];
const BUDGET = ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'];
const ROW = ['产出指标', '数量指标', '新建机耕道路', '≥40公里', '36公里', '10', '8', '因汛期延后施工。'];
const seed = fs.readFileSync(path.join(ROOT, 'fixtures/seed-shaodong-2020.txt'), 'utf8');
const seedMd = fs.readFileSync(path.join(ROOT, 'fixtures/seed-shaodong-2020.md'), 'utf8');

/** A layout of `rows` × `cols` cells over a tab-separated text, as a reader gives it. */
function layoutText(rows, cols) {
  let text = '';
  const layoutRows = [];
  for (let r = 0; r < rows; r++) {
    const start = text.length;
    const cells = [];
    for (let c = 0; c < cols; c++) {
      if (c > 0) text += '\t';
      const cellStart = text.length;
      text += c === 0 ? '项目' : String((r * cols + c) % 100);
      cells.push({ start: cellStart, end: text.length, rowSpan: 1, colSpan: 1 });
    }
    layoutRows.push({ start, end: text.length, cells });
    text += '\n';
  }
  return { text, tables: [{ source: 'docx', start: 0, end: text.length - 1, rows: layoutRows }] };
}

/** The inputs: name, text, parse options. */
const cases = [
  ['seed report', () => ({ text: seed })],
  // A normal report at the size of the inputs below: the baseline (large inputs cost more per character).
  ['seed report ×100', () => ({ text: seed.repeat(100) })],
  ['a|b lines', () => ({ text: 'a|b\n'.repeat(n(50_000)) })],
  ['one line of |', () => ({ text: '|'.repeat(n(1_000_000)) })],
  ['one line of ｜ and spaces', () => ({ text: '｜  '.repeat(n(250_000)) })],
  [
    'one wide row over short rows',
    () => ({ text: '指标\t'.repeat(n(20_000)) + '\n' + '产出\t10\n'.repeat(n(20_000)) }),
  ],
  ['tab columns', () => ({ text: Array.from({ length: 3 }, () => '10\t'.repeat(n(10_000))).join('\n') })],
  ['space-aligned rows', () => ({ text: ['指标  分值  得分', ...Array(n(20_000)).fill('产出  10  9')].join('\n') })],
  [
    'ragged space rows',
    () => ({ text: Array.from({ length: n(20_000) }, (_, i) => 'a  '.repeat(1 + (i % 7))).join('\n') }),
  ],
  ['form rows by tab', () => ({ text: [HEAD.join('\t'), ...Array(n(20_000)).fill(ROW.join('\t'))].join('\n') })],
  ['flattened header repeated', () => ({ text: HEAD.join('').repeat(n(10_000)) })],
  ['budget header repeated', () => ({ text: BUDGET.join('').repeat(n(10_000)) })],
  ['flattened form rows', () => ({ text: HEAD.join('') + ROW.join('').repeat(n(5_000)) + '总分10096' })],
  [
    'flattened rows, reasons only',
    () => ({ text: HEAD.join('') + ROW.slice(0, 7).join('') + '说明'.repeat(n(50_000)) }),
  ],
  ['budget digits', () => ({ text: (BUDGET.join('') + '年度资金总额' + '1'.repeat(60) + '%').repeat(n(200)) })],
  [
    'GFM table rows',
    () => ({
      text: `# 标题\n\n| ${HEAD.join(' | ')} |\n|${' --- |'.repeat(HEAD.length)}\n${`| ${ROW.join(' | ')} |\n`.repeat(n(5_000))}`,
      markdown: true,
    }),
  ],
  ['GFM, seed Markdown ×100 (baseline)', () => ({ text: seedMd.repeat(n(100)), markdown: true })],
  ['tables layout', () => layoutText(n(10_000), 10)],
];

function time(fn) {
  const times = [];
  const until = performance.now() + 1500;
  while (times.length < 3 || (performance.now() < until && times.length < 15)) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}

// Warm up on the seed, so that it is not measured cold as the baseline.
for (let i = 0; i < 50; i++) check(seed);

const rows = [];
let base;
for (const [name, make] of cases) {
  if (only.length > 0 && !name.startsWith('seed report') && !only.some((o) => name.includes(o))) continue;
  const { text, markdown, tables } = make();
  const opts = tables ? { tables } : {};
  const read = markdown ? fromMarkdown : parse;
  const parseMs = time(() => read(text, opts));
  const checkMs = time(() => check(read(text, opts)));
  const perChar = (ms) => (ms * 1e6) / text.length;
  const row = { name, chars: text.length, parseMs, checkMs, parseNs: perChar(parseMs), checkNs: perChar(checkMs) };
  if (name === 'seed report ×100') base = row;
  row.ratio = base ? Math.max(row.parseNs / base.parseNs, row.checkNs / base.checkNs) : 1;
  rows.push(row);
  console.log(
    `${name.padEnd(30)} ${String(text.length).padStart(9)} chars  parse ${parseMs.toFixed(1).padStart(8)} ms ` +
      `(${row.parseNs.toFixed(0).padStart(5)} ns/char)  check ${checkMs.toFixed(1).padStart(8)} ms ` +
      `(${row.checkNs.toFixed(0).padStart(5)} ns/char)  ×normal ${row.ratio.toFixed(2)}${row.ratio > 3 ? '  ← over 3×' : ''}`,
  );
}
fs.rmSync(path.dirname(outfile), { recursive: true, force: true });
if (rows.some((r) => r.ratio > 3)) process.exitCode = 1;
