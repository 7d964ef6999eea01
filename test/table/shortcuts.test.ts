import { describe, expect, it } from 'vitest';
import { findFlattenedTables } from '../../src/table/flattened.js';
import { headerWordsAt, nextHeaderWord } from '../../src/table/headers.js';
import { findTextTables } from '../../src/table/text-tables.js';
import { splitLines } from '../../src/text/lines.js';

// The searches for tables pass over prose without reading it as a table (issue 14's speed
// round): these hold them to finding what they found before.

describe('nextHeaderWord', () => {
  it('finds the next header word, passing over characters that start none', () => {
    const s = '本年度完成了项目建设，实际完成值达标';
    expect(nextHeaderWord(s, 0)).toBe(s.indexOf('实际完成值'));
    // `年度` starts `年度指标值` but no header word is written there.
    expect(headerWordsAt(s, 1)).toEqual([]);
    // Inside a header word, the shorter one it ends with (`完成值`), then nothing.
    expect(nextHeaderWord(s, s.indexOf('实际完成值') + 1)).toBe(s.indexOf('完成值'));
    expect(nextHeaderWord(s, s.indexOf('完成值') + 1)).toBe(s.length);
  });

  it('is at the end of text with no header word, and of empty text', () => {
    expect(nextHeaderWord('项目建设进展顺利。', 0)).toBe(9);
    expect(nextHeaderWord('', 0)).toBe(0);
  });
});

describe('findFlattenedTables over white space', () => {
  it('gives cell offsets into the input when the form is spread over spaces and lines', () => {
    const text =
      '说明如下：\n一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n' +
      '产出指标 数量指标 新建机耕道路 ≥40公里 36公里 10 8\n产出指标 质量指标 验收合格率 100% 100% 10 10';
    const [table] = findFlattenedTables(text);
    expect(table).toBeDefined();
    expect(text.slice(table!.start, table!.start + 4)).toBe('一级指标');
    for (const row of table!.rows) {
      for (const cell of row) {
        if (cell.start === undefined) continue;
        // The cell's span in the input holds its text with the blanks between its characters.
        expect(text.slice(cell.start, cell.end).replace(/\s+/g, '')).toBe(cell.text);
      }
    }
    expect(table!.rows[1]!.map((c) => c.text)).toEqual([
      '产出指标',
      '数量指标',
      '新建机耕道路',
      '≥40公里',
      '36公里',
      '10',
      '8',
    ]);
  });

  it('finds no form in prose full of single header words', () => {
    const prose = '项目单位按计划完成，实际完成情况良好，得分较高，执行率达到95%，偏差原因已分析。\n'.repeat(20);
    expect(findFlattenedTables(prose)).toEqual([]);
  });
});

describe('findTextTables: a line read once for its separators', () => {
  const cells = (text: string) =>
    findTextTables(text, splitLines(text)).map((t) => t.rows.map((r) => r.map((c) => c.text)));

  it('reads tab, pipe and space-separated rows as before', () => {
    expect(cells('指标\t分值\t得分\n产出指标\t50\t48\n')).toEqual([
      [
        ['指标', '分值', '得分'],
        ['产出指标', '50', '48'],
      ],
    ]);
    // A row that opens with a pipe is a GFM row, whatever tabs its cells hold.
    expect(cells('| 指标 | 分值\t说明 |\n| 产出 | 50 |\n')[0]![0]).toEqual(['指标', '分值\t说明']);
    expect(cells('指标　　分值　　得分\n产出指标　　50　　48\n')).toEqual([
      [
        ['指标', '分值', '得分'],
        ['产出指标', '50', '48'],
      ],
    ]);
  });

  it('needs two gaps of two spaces for a space-separated row', () => {
    expect(cells('指标  分值 得分\n产出指标  50 48\n')).toEqual([]);
    expect(cells('指标  分值  得分\n产出指标  50  48\n')).toHaveLength(1);
  });
});
