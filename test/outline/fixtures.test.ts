import { describe, expect, it } from 'vitest';
import { outline, parse, type FlowContent, type Report, type Section } from '../../src/index.js';
import { fixture, fixtureNames } from '../helpers/fixtures.js';
import { expectValidTree } from '../helpers/invariants.js';

/** `depth marker title` per section, with `[placeholder]` when the body is one. */
function summary(tree: Report): string[] {
  const out: string[] = [];
  const titles = outline(tree);
  let i = 0;
  const walk = (nodes: FlowContent[]) => {
    for (const node of nodes) {
      if (node.type !== 'section') continue;
      const t = titles[i++]!;
      out.push(`${t.depth} ${t.marker}${t.title}${node.placeholder ? ` [${node.placeholder}]` : ''}`);
      walk(node.children.slice(1) as FlowContent[]);
    }
  };
  walk(tree.children);
  return out;
}

function lists(tree: Report): string[] {
  const out: string[] = [];
  const walk = (nodes: FlowContent[]) => {
    for (const node of nodes) {
      if (node.type === 'list')
        out.push(`${node.inline ? 'inline' : 'lines'} ${node.children.map((i) => i.marker.raw).join(' ')}`);
      if (node.type === 'section') walk(node.children.slice(1) as FlowContent[]);
    }
  };
  walk(tree.children);
  return out;
}

const EXPECTED: Record<string, { outline: string[]; lists?: string[]; title?: string; attachment?: string }> = {
  'seed-shaodong-2020.txt': {
    title: '邵东市委统战部整体支出绩效自评报告',
    attachment: '附件2-3',
    outline: [
      '1 一、部门（单位）基本概况 [withheld]',
      '1 2、部门（单位）整体支出绩效状况',
      '2 （一）聚焦党外代表人士政治引领',
      '2 （二）破解民营经济发展难题',
      '2 （三）疫情防控中彰显作为',
      '2 （四）筑牢民族宗教安全底线',
      '2 （五）夯实海外统战工作基础',
      '1 三、存在的问题及原因',
      '1 四、提高财政资金绩效的措施与建议',
      '1 五、附件（佐证依据） [none]',
    ],
    lists: ['inline 一是 二是 三是', 'inline 一是 二是 三是', 'inline 一是 二是 三是', 'inline （1） （2）'],
  },
  'noise-crlf-bom.txt': {
    title: '清河县民政局2022年度部门整体支出绩效自评报告',
    attachment: '附件3',
    outline: [
      '1 一、部门基本情况',
      '2 （一)主要职能',
      '2 (二）机构设置',
      '1 二、部门整体支出情况',
      '1 三、存在的问题及原因',
      '1 四、下一步改进措施',
    ],
  },
  'marker-styles.txt': {
    outline: [
      '1 第一部分项目基本情况',
      '2 一．项目概况',
      '3 ㈠立项依据',
      '4 1．政策依据',
      '5 （1）上级文件',
      '6 ①省级文件',
      '6 ②市级文件',
      '5 (2)本级文件',
      '5 3)实施内容',
      '3 ㈡绩效目标',
      '2 二.绩效评价工作开展情况',
      '1 第二部分绩效评价结论',
      '2 一、综合评价结论',
    ],
  },
  'skipped-and-misnumbered.txt': {
    outline: [
      '1 一、部门基本情况',
      '2 （一）机构设置',
      '2 （二）人员情况',
      '1 2、部门整体支出绩效状况',
      '2 1、预算执行情况',
      '2 3、绩效目标完成情况',
      '3 (1)产出目标',
      '3 (2)效益目标',
      '1 四、存在的问题及原因',
      '1 四、下一步改进措施',
    ],
  },
  'run-in-headings.txt': {
    outline: [
      '1 一、基本情况',
      '2 （一）部门整体支出概况',
      '2 （二）部门整体支出绩效目标',
      '2 （三）部门整体支出情况分析',
      '3 1、收入',
      '3 2、支出',
      '1 二、存在的问题及原因',
    ],
  },
  'lists-not-headings.txt': {
    outline: ['1 一、部门基本情况', '1 二、绩效目标完成情况', '1 三、下一步改进措施'],
    lists: ['lines 1、 2、 3、 4、', 'inline 一是 二是 三是', 'inline （1） （2）', 'inline ① ②'],
  },
  'no-false-headings.txt': { outline: ['1 一、部门基本情况', '1 二、部门整体支出情况'], lists: [] },
  'title-block.txt': {
    title: '岳阳县2016年度部门(单位)整体支出绩效评价自评报告',
    attachment: '附件6',
    outline: ['1 一、部门(单位)基本概况', '1 二、部门(单位)收支情况'],
  },
  'placeholders.txt': {
    outline: [
      '1 一、项目基本情况',
      '1 二、项目绩效目标 [withheld]',
      '1 三、存在的问题及原因 [none]',
      '1 四、改进措施 [none]',
      '1 五、其他需要说明的问题 [none]',
      '1 六、绩效自评结果应用 [none]',
      '1 七、主要经验及做法 [omitted]',
      '1 八、评价结论 [template]',
      '1 九、有关建议 [empty]',
      '1 十、附件（佐证依据） [none]',
    ],
  },
  'flattened-pdf.txt': {
    title: '2022 年度城西区水务局部门整体支出 绩效自评报告',
    outline: [
      '1 一、部门基本情况',
      '2 (一)部门职能',
      '2 (二)机构及人员情况',
      '2 (三)年度重点工作',
      '1 二、部门整体支出情况',
    ],
    lists: ['inline 1、 2、'],
  },
  'glued-no-breaks.txt': {
    title: '桃林镇中心小学专项资金绩效自评价报告',
    outline: [
      '1 一、基本情况',
      '2 (一)项目基本概况我校2021年项目为一个',
      '2 (二)资金及项目绩效目标我校2021年按生均800元安排',
      '1 二、项目资金使用及管理情况资金严格按照上级文件要求使用',
      '1 三、存在的问题及原因分析暂无问题 [empty]',
      '1 四、几点建议拨款应更加及时 [empty]',
      '1 五、其他需要说明的问题 [none]',
    ],
  },
  'table-of-contents.txt': {
    outline: [
      '1 一、项目基本情况',
      '2 （一）项目立项背景',
      '2 （二）项目绩效目标',
      '1 二、绩效评价工作情况',
      '1 三、评价结论及绩效分析',
    ],
  },
  'mid-document-page.txt': {
    outline: [
      '2 6.时效指标',
      '2 7.满意度指标',
      '1 （二）项目支出绩效自评结果',
      '2 1.项目绩效自评总体情况',
      '2 2.自评发现的主要问题',
    ],
  },
  'clean-dept-overall.txt': {
    title: '青石县农业农村局2023年度部门整体支出绩效评价自评报告',
    attachment: '附件3',
    outline: [
      '1 一、部门（单位）基本概况',
      '2 （一）主要职能',
      '2 （二）机构及人员情况',
      '2 （三）年度主要工作任务',
      '1 二、部门（单位）整体支出绩效状况',
      '2 （一）预算执行情况',
      '2 （二）履职完成情况',
      '2 （三）效益实现情况',
      '2 （四）自评结论',
      '1 三、存在的问题及原因',
      '2 （一）部分项目支出进度偏慢',
      '2 （二）绩效目标设置不够细化',
      '1 四、提高财政资金绩效的措施与建议',
      '2 （一）加快项目实施进度',
      '2 （二）提高绩效目标编制质量',
      '1 五、附件（佐证依据）',
    ],
    // The evidence under the annex is a list of documents, not four empty sections.
    lists: ['inline 一是 二是 三是', 'lines 1. 2. 3. 4.'],
  },
  'clean-dept-crlf.txt': {
    title: '城东区司法局2022年度部门整体支出绩效自评报告',
    attachment: '附件2',
    outline: [
      '1 一、部门基本情况',
      '2 （一）部门职能',
      '2 （二）机构设置及人员情况',
      '1 二、部门（单位）收支情况',
      '1 三、部门整体支出绩效情况',
      '2 （一）预算执行情况',
      '2 （二）主要工作完成情况',
      '2 （三）自评结果',
      '1 四、存在的问题',
      '1 五、改进措施',
      '1 六、附件',
    ],
    // A running header between 3、 and 4、 splits the list of duties in two.
    lists: ['lines 1、 2、 3、', 'lines 4、', 'inline 一是 二是', 'inline 一是 二是', 'lines 1. 2. 3.'],
  },
  'clean-project.txt': {
    title: '青石县2023年度农村饮水安全巩固提升项目支出绩效自评报告',
    outline: [
      '1 一、基本情况',
      '2 （一）项目概况',
      '2 （二）项目绩效目标',
      '3 1.产出目标',
      '3 2.效益目标',
      '1 二、绩效评价工作开展情况',
      '2 （一）评价依据',
      '2 （二）评价方法和过程',
      '1 三、综合评价情况及评价结论',
      '1 四、绩效评价指标分析',
      '2 （一）项目决策情况',
      '2 （二）项目过程情况',
      '2 （三）项目产出情况',
      '2 （四）项目效益情况',
      '1 五、主要经验及做法',
      '1 六、存在的问题及原因分析',
      '1 七、有关建议',
      '1 八、其他需要说明的问题 [none]',
      '1 九、附件',
    ],
    // 评价依据 lists documents with nothing under them (no `：` introduces it), and so does the annex.
    lists: ['lines 1. 2. 3. 4.', 'inline 一是 二是', 'lines 1. 2. 3.'],
  },
  'decimal-numbering.txt': {
    title: '河口市人民医院2021年度部门整体支出绩效评价报告',
    outline: ['1 1.引言', '2 1.1部门职责概述', '2 1.2部门支出描述', '1 2.评价结论', '2 2.1综合评价'],
    lists: ['lines 1. 2.'],
  },
};

describe('fixtures', () => {
  it('has an expectation for every fixture, and at least 12 written ones besides the seed', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(fixtureNames());
    expect(fixtureNames().length).toBeGreaterThanOrEqual(13);
  });

  for (const [name, want] of Object.entries(EXPECTED)) {
    describe(name, () => {
      const input = fixture(name);
      const tree = parse(input);

      it('gives the expected outline and placeholders', () => {
        expect(summary(tree)).toEqual(want.outline);
      });
      if (want.lists) {
        it('reads enumerations as lists', () => {
          expect(lists(tree)).toEqual(want.lists);
        });
      }
      if (want.title) {
        it('finds the title', () => {
          expect(tree.data.title).toBe(want.title);
        });
      }
      if (want.attachment) {
        it('finds the attachment label', () => {
          expect(tree.data.attachment).toBe(want.attachment);
        });
      }
      it('keeps every character, with exact positions, and validates', () => {
        expectValidTree(input, tree);
      });
    });
  }
});

describe('the seed', () => {
  const input = fixture('seed-shaodong-2020.txt');
  const tree = parse(input);
  const sections = tree.children.filter((n): n is Section => n.type === 'section');

  it('carries 保密 as a withheld placeholder and 无 as a none placeholder', () => {
    const first = sections[0]!;
    const annex = sections[sections.length - 1]!;
    expect(first.children[1]).toMatchObject({ type: 'placeholder', kind: 'withheld', value: '保密' });
    expect(annex.children[1]).toMatchObject({ type: 'placeholder', kind: 'none', value: '无' });
  });

  it('reads a run-in heading: the title ends at 。 and the body starts after it', () => {
    const sub = sections[1]!.children[1] as Section;
    expect(sub.runIn).toBe(true);
    const body = sub.children[1]!;
    expect(input.slice(body.position.start.offset, body.position.start.offset + 4)).toBe('持续巩固');
  });

  it('gives list items their lead-in titles', () => {
    const sub = sections[1]!.children[2] as Section;
    const list = sub.children.find((n) => n.type === 'list');
    expect(list?.type === 'list' && list.children.map((i) => i.title)).toEqual([
      '加强理论武装',
      '完善联企机制',
      '开展走访调研',
    ]);
  });

  it('records the cover fields of a form-style title block', () => {
    const form = parse(fixture('title-block.txt'));
    expect(form.data.fields).toEqual([
      { key: '部门(单位)名称', value: '岳阳县林业局' },
      { key: '预算编码', value: '906017' },
      { key: '评价方式', value: '部门(单位)绩效自评' },
      { key: '评价机构', value: '部门(单位)评价组' },
      { key: '报告日期', value: '2017年06月18日' },
    ]);
  });
});
