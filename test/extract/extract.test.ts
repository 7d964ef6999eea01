import { describe, expect, it } from 'vitest';
import { extract, parse } from '../../src/index.js';

const HEAD = '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n';
const ROW = '产出指标\t数量指标\t新建机耕道路\t≥40公里\t36公里\t10\t8\n';

describe('extract and the forms of a report', () => {
  it('gives a form’s rows among the figures, in document order, when a section holds the form', () => {
    const text = `一、概况\n项目资金100万元。\n二、自评表\n${HEAD}${ROW}三、问题\n完成率95%。\n`;
    const kinds = extract(text).map((r) => r.kind);
    expect(kinds.slice(0, 2)).toEqual(['money', 'indicator']);
    expect(kinds[kinds.length - 1]).toBe('percent');
  });

  it('gives no form rows for a report without a table, and reads the table a caller adds later', () => {
    const tree = parse('一、概况\n项目资金100万元。\n');
    expect(extract(tree).map((r) => r.kind)).toEqual(['money']);
    // The caller puts a form (parsed on its own) into the same tree: the next call reads it.
    const form = parse(`${HEAD}${ROW}`).children.find((n) => n.type === 'table')!;
    tree.children.push(form);
    expect(extract(tree).filter((r) => r.kind === 'indicator')).toHaveLength(1);
  });
});
