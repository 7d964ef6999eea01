// Measures the self-evaluation table pipeline (src/table, src/read/pdf-grid, src/read/docx-table)
// directly, before the CLI is wired to it: reads each case, runs the pure functions, and scores
// the records against the case's gold JSON the way ../shared/tools/tables.mjs does, plus the
// accuracy of every field.
//
//   node bench/tables-dev.mjs                  # fixtures/forms and, when present, ../shared/tables
//   node bench/tables-dev.mjs DIR… [--verbose] # other folders of FILE + FILE-stem.gold.json
//   … --no-lines                               # PDFs from text positions alone, their ruling lines ignored
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import mammoth from 'mammoth';

const verbose = process.argv.includes('--verbose');
// --no-lines: PDFs read from text positions alone (as when the operator list is unavailable).
const noLines = process.argv.includes('--no-lines');
let dirs = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (dirs.length === 0) {
  dirs = ['fixtures/forms'];
  if (fs.existsSync('../shared/tables')) dirs.push('../shared/tables');
  else console.log('../shared/tables is absent: measuring fixtures/forms only');
}

// The pipeline is TypeScript: bundle its entry once into a temporary module.
// Inside node_modules, so that the bundle's imports of unpdf resolve.
fs.mkdirSync('node_modules/.cache', { recursive: true });
const outfile = path.join(fs.mkdtempSync(path.join('node_modules/.cache', 'jixiao-tables-')), 'tables.mjs');
const entry = [
  "export * from './src/table/index.ts';",
  "export { docxTableGrid } from './src/read/docx-table.ts';",
  "export { pdfRulings, pdfPageBlocks } from './src/read/pdf-grid.ts';",
  "export { loadPdf } from './src/read/pdf.ts';",
].join('\n');
await build({
  stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' },
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  external: ['unpdf', 'unpdf/*'],
  outfile,
  logLevel: 'error',
});
const t = await import(pathToFileURL(outfile).href);

/** The tables of a file, as grids, by format. */
async function grids(file) {
  const ext = path.extname(file).slice(1);
  const bytes = fs.readFileSync(file);
  if (ext === 'docx') {
    const found = [];
    const visit = (el) => {
      if (el.type === 'table') found.push(t.docxTableGrid(el));
      else for (const child of el.children ?? []) visit(child);
    };
    await mammoth.convertToHtml({ buffer: bytes }, { transformDocument: (doc) => (visit(doc), doc) });
    return found;
  }
  if (ext === 'pdf') {
    const { OPS } = await import('unpdf/pdfjs');
    const { document: doc } = await t.loadPdf(new Uint8Array(bytes), { maxExpandedSize: 2 ** 30, maxPages: 100 });
    const found = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const items = (await page.getTextContent()).items.filter((i) => 'str' in i);
      const ops = await page.getOperatorList();
      const segments = noLines ? [] : t.pdfRulings(ops.fnArray, ops.argsArray, OPS);
      for (const block of t.pdfPageBlocks(items, segments, { page: p })) if (block.type === 'table') found.push(block);
    }
    await doc.destroy();
    return found;
  }
  return t.textTables(bytes.toString('utf8'));
}

const norm = (s) =>
  String(s ?? '')
    .replace(/\s+/g, '')
    .replace(/[＞>][＝=]/g, '≥')
    .replace(/[＜<][＝=]/g, '≤')
    .replace(/[＝=]/g, '')
    .replace(/：/g, ':')
    .replace(/^其中:/, '')
    .replace(/^定性/, '')
    .replace(/[—–-]+$/, '');
const num = (x) => (x === null || x === undefined || x === '' ? null : Number(String(x).replace(/[%％,\s]/g, '')));
const same = (a, b, eps = 0.006) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= eps * Math.max(1, Math.abs(b)) || Math.abs(a - b) < 0.011;
const TEXT = ['level1', 'level2', 'name', 'target', 'actual', 'reason'];
const NUM = ['weight', 'score'];
const EXTRA = ['achieved'];
const fieldOk = (f, p, g) =>
  TEXT.includes(f) ? norm(p[f]) === norm(g[f]) : NUM.includes(f) ? same(num(p[f]), g[f]) : p[f] === g[f];

const per = {};
const fields = {};
let bTp = 0;
let bG = 0;
let bP = 0;
let totOk = 0;
let totN = 0;
for (const dir of dirs) {
  for (const g of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()) {
    const gold = JSON.parse(fs.readFileSync(path.join(dir, g), 'utf8'));
    const file = fs.readdirSync(dir).find((f) => f.startsWith(gold.id + '.') && !f.endsWith('.gold.json'));
    const fmt = path.extname(file).slice(1);
    const records = t.tableRecords(await grids(path.join(dir, file)));
    const inds = records.filter((r) => r.kind === 'indicator');
    const used = new Set();
    let tp = 0;
    for (const gi of gold.indicators) {
      const k = inds.findIndex(
        (p, i) =>
          !used.has(i) &&
          ['level1', 'level2', 'name', 'target', 'actual', 'weight', 'score'].every((f) => fieldOk(f, p, gi)),
      );
      if (k >= 0) {
        used.add(k);
        tp++;
      } else if (verbose) {
        const near = inds.find((p) => norm(p.name) === norm(gi.name));
        const got = near ? Object.fromEntries(Object.keys(gi).map((f) => [f, near[f]])) : 'none';
        console.log(
          `${gold.id} MISS ${gi.name}: gold ${JSON.stringify(gi)}\n${' '.repeat(gold.id.length)}       got ${JSON.stringify(got)}`,
        );
      }
      // Field accuracy: against the record of the same name (or the same row position).
      const near = inds.find((p) => norm(p.name) === norm(gi.name)) ?? inds[gold.indicators.indexOf(gi)];
      for (const f of [...TEXT, ...NUM, ...EXTRA]) {
        if (!(f in gi)) continue;
        fields[f] ??= { ok: 0, n: 0 };
        fields[f].n++;
        if (near && fieldOk(f, near, gi)) fields[f].ok++;
        else if (verbose && near)
          console.log(`${gold.id} FIELD ${gi.name}.${f}: gold ${JSON.stringify(gi[f])} got ${JSON.stringify(near[f])}`);
      }
    }
    per[fmt] ??= { tp: 0, g: 0, p: 0 };
    per[fmt].tp += tp;
    per[fmt].g += gold.indicators.length;
    per[fmt].p += inds.length;
    if (verbose) for (const [i, p] of inds.entries()) if (!used.has(i)) console.log(`${gold.id} EXTRA ${p.name}`);
    const buds = records.filter((r) => r.kind === 'budget');
    const bu = new Set();
    for (const gb of gold.budget) {
      const k = buds.findIndex(
        (p, i) =>
          !bu.has(i) &&
          same(num(p.initial), gb.initial, 0.0005) &&
          same(num(p.adjusted), gb.adjusted, 0.0005) &&
          same(num(p.executed), gb.executed, 0.0005) &&
          (gb.rate === null || same(num(p.rate), gb.rate)),
      );
      if (k >= 0) {
        bu.add(k);
        bTp++;
      } else if (verbose)
        console.log(
          `${gold.id} MISS budget ${JSON.stringify(gb)}; got ${JSON.stringify(buds.map((b) => [b.item, b.initial, b.adjusted, b.executed, b.rate]))}`,
        );
    }
    bG += gold.budget.length;
    bP += buds.length;
    totN++;
    const tots = records.filter((r) => r.kind === 'total');
    if (tots.some((x) => same(num(x.weight), gold.total.weight) && same(num(x.score), gold.total.score))) totOk++;
    else if (verbose)
      console.log(
        `${gold.id} MISS total ${JSON.stringify(gold.total)} got ${JSON.stringify(tots.map((x) => [x.weight, x.score]))}`,
      );
    console.log(
      `${gold.id.padEnd(20)} ${fmt.padEnd(5)} indicators ${tp}/${gold.indicators.length} (${inds.length} read)  budget ${bu.size}/${gold.budget.length} (${buds.length} read)  total ${tots.length ? 'read' : 'none'}`,
    );
  }
}
const f1 = (tp, g, p) => (g + p === 0 ? 1 : (2 * tp) / (g + p));
const all = Object.values(per).reduce((a, x) => ({ tp: a.tp + x.tp, g: a.g + x.g, p: a.p + x.p }), {
  tp: 0,
  g: 0,
  p: 0,
});
console.log(
  'fields: ' +
    Object.entries(fields)
      .map(([f, x]) => `${f} ${(x.ok / x.n).toFixed(3)}`)
      .join(', '),
);
const perFmt = Object.entries(per)
  .map(([k, x]) => `${k} ${f1(x.tp, x.g, x.p).toFixed(3)} (${x.tp}/${x.g})`)
  .join(', ');
console.log(
  `tables-dev: indicators F1 ${f1(all.tp, all.g, all.p).toFixed(3)} (${perFmt}); budget F1 ${f1(bTp, bG, bP).toFixed(3)}; totals ${totOk}/${totN}`,
);
