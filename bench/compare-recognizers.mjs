// Dev-only: scores jixiao and Microsoft Recognizers-Text on the same annotated reports.
// Needs the shared gold set beside the project (../shared) and a build (npm run build).
//   node bench/compare-recognizers.mjs [--gold ../shared/gold]
// Recognizers-Text gets the fairest reference date we can give it: 31 December of the
// report's fiscal year, so that dates without a year resolve inside that year.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as RT from '@microsoft/recognizers-text-suite';

const args = process.argv.slice(2);
const goldDir = path.resolve(
  args[args.indexOf('--gold') + 1] && args.includes('--gold') ? args[args.indexOf('--gold') + 1] : '../shared/gold',
);
const { loadGold, score, formatScore } = await import(
  pathToFileURL(path.join(goldDir, '..', 'tools', 'score.mjs')).href
);
const jixiao = await import(pathToFileURL(path.resolve('dist/index.js')).href);

const golds = loadGold(goldDir);

function isoFromTimex(timex, resolved) {
  if (!timex) return undefined;
  if (/^\d{4}(-\d{2}){0,2}$/.test(timex)) return timex;
  const m = /^XXXX(-\d{2}(?:-\d{2})?)$/.exec(timex);
  if (m && resolved) return resolved.slice(0, 4) + m[1];
  return undefined;
}

function recognizers(text, year) {
  const c = RT.Culture.Chinese;
  const ref = new Date(year ?? 2020, 11, 31);
  const out = [];
  for (const r of RT.recognizeCurrency(text, c)) {
    const v = Number(r.resolution?.value);
    if (Number.isFinite(v)) out.push({ kind: 'money', start: r.start, end: r.end + 1, value: v });
  }
  for (const r of RT.recognizeDateTime(text, c, undefined, ref)) {
    const values = r.resolution?.values ?? [];
    const first = values[0] ?? {};
    const iso = isoFromTimex(first.timex, first.value ?? first.start);
    out.push({ kind: 'date', start: r.start, end: r.end + 1, value: iso });
  }
  for (const r of RT.recognizePercentage(text, c)) {
    out.push({
      kind: 'percent',
      start: r.start,
      end: r.end + 1,
      value: Number(String(r.resolution?.value).replace('%', '')),
    });
  }
  return out;
}

const preds = { jixiao: {}, recognizers: {} };
const ms = { jixiao: 0, recognizers: 0 };
for (const g of golds) {
  let t0 = performance.now();
  const tree = jixiao.parse(g.text);
  preds.jixiao[g.doc] = { entities: jixiao.extract(tree), sections: jixiao.outline(tree) };
  ms.jixiao += performance.now() - t0;
  t0 = performance.now();
  preds.recognizers[g.doc] = { entities: recognizers(g.text, g.year), sections: [] };
  ms.recognizers += performance.now() - t0;
}
for (const name of ['jixiao', 'recognizers']) {
  console.log(`## ${name} (${golds.length} documents, ${ms[name].toFixed(0)} ms in all)`);
  console.log(formatScore(score(golds, preds[name])));
  console.log();
}
