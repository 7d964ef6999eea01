// Generates realistic self-evaluation reports of a given size, deterministically (seeded),
// from phrases written for jixiao: numbered outline, run-in headings, inline lists,
// amounts, dates, counts, percentages, document numbers, placeholders.

/** A small seeded PRNG (mulberry32), so every run benches the same text. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CJK = '一二三四五六七八九十';
/** A Chinese numeral for 1–999 (十二, 二十, 一百零五, 一百一十二). */
function cjk(n) {
  const tens = (m, lead) => `${m >= 20 || lead ? CJK[Math.floor(m / 10) - 1] : ''}十${m % 10 ? CJK[(m % 10) - 1] : ''}`;
  if (n < 10) return CJK[n - 1];
  if (n < 100) return n === 10 ? '十' : tens(n, false);
  const rest = n % 100;
  return `${CJK[Math.floor(n / 100) - 1]}百${rest === 0 ? '' : rest < 10 ? `零${CJK[rest - 1]}` : tens(rest, true)}`;
}
const UNITS = ['名', '个', '家', '户', '次', '项', '场', '人'];
const TOPICS = [
  '党建工作',
  '项目管理',
  '资金使用',
  '预算执行',
  '绩效目标',
  '制度建设',
  '人员培训',
  '信息公开',
  '民生保障',
  '基础设施',
];
const SECTIONS = [
  '基本情况',
  '部门整体支出绩效状况',
  '绩效目标完成情况',
  '存在的问题及原因',
  '下一步改进措施',
  '其他需要说明的问题',
];

function sentence(r) {
  const pick = (list) => list[Math.floor(r() * list.length)];
  const n = () => 1 + Math.floor(r() * 200);
  const money = () => `${(r() * 5000).toFixed(2)}万元`;
  const forms = [
    () => {
      // Consistent figures, as in a report that passes review: spent = budget × rate.
      const budget = Math.round(r() * 500000) / 100;
      const rate = Math.round((80 + r() * 20) * 10) / 10;
      return `全年安排${pick(TOPICS)}资金${budget.toFixed(2)}万元，实际支出${((budget * rate) / 100).toFixed(2)}万元，预算执行率${rate.toFixed(1)}%。`;
    },
    () =>
      `${1 + Math.floor(r() * 12)}月${1 + Math.floor(r() * 28)}日，组织开展${pick(TOPICS)}专题培训，参训人员${n()}${pick(UNITS)}。`,
    () => `今年${1 + Math.floor(r() * 12)}月，为全面落实${pick(TOPICS)}要求，共走访企业${n()}余个，解决问题${n()}个。`,
    () =>
      `根据《关于做好${pick(TOPICS)}工作的通知》（财预〔${2015 + Math.floor(r() * 8)}〕${n()}号）要求，我单位认真开展自评。`,
    () => `群众满意度达到${(85 + r() * 15).toFixed(1)}%，较上年提高${(r() * 5).toFixed(1)}个百分点。`,
    () => `投入资金${n()}余万元，完成${pick(TOPICS)}改造${n()}处，惠及群众${(r() * 5).toFixed(1)}万人。`,
    () =>
      `一是加强${pick(TOPICS)}。建立健全工作机制，明确责任分工。二是完善${pick(TOPICS)}。严格按照规定执行，确保资金安全。`,
    () => `其中基本支出${money()}，项目支出${money()}，结余资金${money()}。`,
  ];
  return pick(forms)();
}

/** A report of about `chars` characters. */
export function report(chars, seed = 1) {
  const r = random(seed);
  const lines = [`某县某局${2018 + (seed % 5)}年度部门整体支出绩效自评报告`, ''];
  let top = 0;
  let part = 0;
  let length = lines.join('\n').length;
  const push = (...more) => {
    for (const line of more) {
      lines.push(line);
      length += line.length + 1;
    }
  };
  while (length < chars) {
    // Long reports restart their numbering under parts, as real ones do.
    if (top % 12 === 0 && chars > 30_000) {
      part++;
      push(`第${cjk(part)}部分 ${TOPICS[part % TOPICS.length]}`);
      top = 0;
    }
    top++;
    push(`${cjk(top)}、${SECTIONS[(top - 1) % SECTIONS.length]}`);
    if (top % 7 === 3) {
      push(r() < 0.5 ? '无' : '保密');
      continue;
    }
    const subs = 1 + Math.floor(r() * 4);
    for (let s = 1; s <= subs; s++) {
      const body = Array.from({ length: 2 + Math.floor(r() * 4) }, () => sentence(r)).join('');
      push(`（${cjk(s)}）${TOPICS[(s + top) % TOPICS.length]}情况。${body}`);
      if (r() < 0.4) {
        for (let k = 1; k <= 3; k++) push(`${k}.${TOPICS[(k + s) % TOPICS.length]}。${sentence(r)}`);
      }
    }
  }
  return lines.join('\n') + '\n';
}
