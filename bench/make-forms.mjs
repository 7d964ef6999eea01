// Writes the self-evaluation form fixtures (fixtures/forms/): reports we made up, each
// holding one of the official forms (templates.md §4), in the ways real submissions carry
// them: a Word table with merged cells, a PDF printed from Word (ruled and borderless), GFM
// Markdown, tab-, `|`- and space-separated text, and a form flattened into one line. Each
// file gets a gold JSON in the format of ../shared/tools/tables.mjs (plus `reason` and
// `achieved` per indicator), written from the same data, never from the reader's output.
//
//   node bench/make-forms.mjs          # all files; the PDFs need LibreOffice (soffice, or $SOFFICE) and
//                                      # fonts-wqy-zenhei, and are skipped without them
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
} from 'docx';

const OUT = 'fixtures/forms';
/** The forms' headings as the official forms write them; the table tests read them too. */
const HEADINGS = JSON.parse(fs.readFileSync(new URL('../fixtures/forms/headings.json', import.meta.url), 'utf8'));
const FONT = 'WenQuanYi Zen Hei';

// ---------------------------------------------------------------------------------------
// The forms. Amounts in 万元 as the forms write them; `ok` is whether the target is met
// (null when a qualitative value cannot be compared).

/** 财预〔2020〕10号 project form, clean: every check passes. */
const water = {
  family: '10',
  title: '2023年度农村饮水安全巩固提升工程项目支出绩效自评报告',
  info: { 项目名称: '农村饮水安全巩固提升工程', 主管部门: '县水利局', 实施单位: '县农村供水服务中心' },
  before: [
    '一、项目基本情况',
    '农村饮水安全巩固提升工程是县委、县政府确定的民生实事项目。2023年全年预算920万元，其中当年财政拨款780万元、上年结转资金140万元，主要用于新建集中供水工程12处、改造供水管网85公里。',
    '二、绩效自评结论',
    '经单位自评，该项目自评得分99.5分，评价等级为优。项目支出绩效自评表如下。',
  ],
  after: [
    '三、存在的问题',
    '部分工程建成后管护经费来源不稳定，个别偏远村组用水高峰期水压偏低。',
    '四、下一步改进措施',
    '一是落实县级工程管护资金；二是对末端管网实施加压改造，2024年6月底前完成。',
  ],
  budget: [
    ['年度资金总额', '860.00', '920.00', '874.00', '10', '95.00%', '9.5'],
    ['其中：当年财政拨款', '720.00', '780.00', '741.00', '—', '95.00%', '—'],
    ['上年结转资金', '140.00', '140.00', '133.00', '—', '95.00%', '—'],
    ['其他资金', '0.00', '0.00', '0.00', '—', '—', '—'],
  ],
  goal: [
    '新建集中供水工程12处，改造供水管网85公里，巩固提升4.2万农村人口饮水安全保障水平。',
    '建成集中供水工程12处，改造供水管网87.6公里，4.35万农村人口受益，水质检测合格率96.8%。',
  ],
  indicators: [
    ['产出指标', '数量指标', '新建集中供水工程', '≥12处', '12处', 10, 10, '', true],
    ['产出指标', '数量指标', '改造供水管网长度', '≥85公里', '87.6公里', 10, 10, '', true],
    ['产出指标', '质量指标', '水质检测合格率', '≥95%', '96.8%', 10, 10, '', true],
    ['产出指标', '时效指标', '工程完工及时率', '100%', '100%', 10, 10, '', true],
    ['产出指标', '成本指标', '单处工程平均造价', '≤38万元/处', '37.6万元/处', 10, 10, '', true],
    ['效益指标', '社会效益指标', '受益农村人口', '≥4.2万人', '4.35万人', 10, 10, '', true],
    ['效益指标', '社会效益指标', '农村自来水普及率', '≥92%', '93.5%', 10, 10, '', true],
    ['效益指标', '可持续影响指标', '工程运行管护机制', '健全', '健全', 10, 10, '', true],
    ['满意度指标', '服务对象满意度指标', '受益群众满意度', '≥90%', '94%', 10, 10, '', true],
  ],
  total: [100, 99.5],
  findings: [],
};

/** The Yunnan variant of the 10号 form (指标性质 and 度量单位 columns), with faults. */
const sanitation = {
  family: '10',
  split: true,
  title: '2022年度城乡环境卫生保洁项目支出绩效自评报告',
  info: { 项目名称: '城乡环境卫生保洁项目', 主管部门: '县住房和城乡建设局', 实施单位: '县环境卫生服务中心' },
  before: [
    '一、项目概况',
    '项目主要用于城区及12个乡镇集镇道路清扫保洁、生活垃圾收集转运和公厕管护，全年预算612万元，实际支出600万元。',
    '二、绩效目标完成情况及自评得分',
    '经自评，项目得分96.8分，等级为优。各项指标完成情况见下表。',
  ],
  after: [
    '三、存在的问题',
    '一是填埋场库容紧张，垃圾处理能力不足；二是乡镇保洁长效机制有待健全。',
    '四、改进措施',
    '加快推进垃圾焚烧发电项目前期工作，2023年出台乡镇环境卫生考核办法。',
  ],
  budget: [
    ['年度资金总额', '640.00', '612.00', '600.00', '10', '98.04%', '9.8'],
    ['其中：当年财政拨款', '640.00', '612.00', '600.00', '—', '98.04%', '—'],
    ['其他资金', '0.00', '0.00', '0.00', '—', '—', '—'],
  ],
  goal: [
    '完成城乡道路清扫保洁260万平方米，生活垃圾日产日清，无害化处理率达到95%以上。',
    '完成清扫保洁265万平方米，清运生活垃圾3.4万吨，无害化处理率92.5%。',
  ],
  indicators: [
    ['产出指标', '数量指标', '城乡道路清扫保洁面积', ['≥', '260', '万平方米'], '265', 10, 10, '', true],
    ['产出指标', '数量指标', '垃圾清运量', ['≥', '3.6', '万吨'], '3.4', 10, 10, '', false],
    ['产出指标', '质量指标', '道路保洁达标率', ['≥', '95', '%'], '96.2', 10, 10, '', true],
    ['产出指标', '时效指标', '垃圾日产日清率', ['=', '100', '%'], '100', 10, 10, '', true],
    ['产出指标', '成本指标', '每平方米年保洁成本', ['≤', '2.4', '元'], '2.31', 10, 10, '', true],
    ['效益指标', '社会效益指标', '群众投诉办结率', ['≥', '98', '%'], '99.1', 10, 12, '', true],
    [
      '效益指标',
      '生态效益指标',
      '生活垃圾无害化处理率',
      ['≥', '95', '%'],
      '92.5',
      10,
      8,
      '填埋场扩容工程延期，部分垃圾临时转运至邻县处理。',
      false,
    ],
    [
      '效益指标',
      '可持续影响指标',
      '长效保洁机制',
      ['定性', '健全', '—'],
      '基本健全',
      10,
      8,
      '乡镇保洁考核办法尚未全部出台。',
      null,
    ],
    [
      '满意度指标',
      '服务对象满意度指标',
      '城乡居民满意度',
      ['≥', '85', '%'],
      '88',
      10,
      9,
      '个别农贸市场周边卫生反弹。',
      true,
    ],
  ],
  total: [100, 96.8],
  findings: [
    'indicator-score-exceeds-weight@群众投诉办结率',
    'missed-target-full-score@垃圾清运量',
    'missing-deviation-reason@垃圾清运量',
  ],
};

/** 10号 form with the budget-execution row in the indicator table; as GFM Markdown. Clean. */
const elderly = {
  family: '10',
  budgetScores: false,
  title: '2023年度社区居家养老服务项目支出绩效自评报告',
  info: { 项目名称: '社区居家养老服务项目', 主管部门: '区民政局', 实施单位: '区养老服务指导中心' },
  before: [
    '## 一、项目基本情况',
    '项目面向辖区60周岁以上居家老年人提供助餐、助洁、助医等上门服务，2023年全年预算300万元。',
    '## 二、绩效自评情况',
    '经自评，项目自评得分99.72分，评价等级为优。',
  ],
  after: [
    '## 三、存在的问题',
    '部分服务补贴按季度结算，年末尚有少量资金未拨付；护理员队伍流动性较大。',
    '## 四、改进措施',
    '按月结算服务补贴，建立护理员培训和激励制度。',
  ],
  budget: [
    ['年度资金总额', '300.00', '300.00', '291.60', '97.20%'],
    ['其中：当年财政拨款', '260.00', '260.00', '253.50', '97.50%'],
    ['上年结转资金', '40.00', '40.00', '38.10', '95.25%'],
  ],
  goal: [
    '为3000名以上居家老年人提供上门服务，失能老人照护覆盖率达到80%。',
    '服务老年人3126名，上门服务25310人次，失能老人照护覆盖率82.4%。',
  ],
  indicators: [
    [
      '预算执行率',
      null,
      '预算执行率',
      '100%',
      '97.2%',
      10,
      9.72,
      '部分服务补贴按季度结算，年末尚有少量未拨付。',
      false,
    ],
    ['产出指标', '数量指标', '服务老年人数', '≥3000人', '3126人', 10, 10, '', true],
    ['产出指标', '数量指标', '开展上门服务', '≥24000人次', '25310人次', 10, 10, '', true],
    ['产出指标', '质量指标', '服务质量抽查合格率', '≥95%', '97%', 10, 10, '', true],
    ['产出指标', '时效指标', '服务需求响应时间', '≤24小时', '18小时', 10, 10, '', true],
    ['产出指标', '成本指标', '人均服务补助标准', '≤1000元', '960元', 10, 10, '', true],
    ['效益指标', '社会效益指标', '失能老人照护覆盖率', '≥80%', '82.4%', 15, 15, '', true],
    ['效益指标', '可持续影响指标', '服务机构稳定运营', '长期', '长期', 15, 15, '', true],
    ['满意度指标', '服务对象满意度指标', '服务对象满意度', '≥90%', '96.3%', 10, 10, '', true],
  ],
  total: [100, 99.72],
  findings: [],
};

/** 10号 form as tab-separated text pasted from a spreadsheet, with faults. */
const roads = {
  family: '10',
  title: '2022年度农村公路养护项目支出绩效自评报告',
  info: { 项目名称: '农村公路养护项目', 主管部门: '县交通运输局', 实施单位: '县公路养护中心' },
  before: [
    '一、基本情况',
    '全县农村公路总里程1860公里，项目用于日常养护、水毁修复和危桥改造，2022年调整后预算1180万元。',
    '二、绩效自评结果',
    '项目自评得分99.2分，等级为优。',
  ],
  after: [
    '三、问题及改进措施',
    '1、危桥改造受汛期影响进度滞后，2023年汛前完成剩余1座。',
    '2、部分乡镇养护资金配套不足，将纳入年度考核。',
  ],
  budget: [
    ['年度资金总额', '1250.00', '1180.00', '1086.50', '10', '92.08%', '9.2'],
    ['其中：当年财政拨款', '1000.00', '950.00', '877.00', '—', '96.32%', '—'],
    ['上年结转资金', '250.00', '230.00', '209.50', '—', '91.09%', '—'],
  ],
  goal: [
    '完成1860公里农村公路日常养护，改造危桥6座，优良中等路率达到85%以上。',
    '完成养护1860公里，改造危桥5座，优良中等路率86.7%。',
  ],
  indicators: [
    ['产出指标', '数量指标', '养护农村公路里程', '≥1860公里', '1860公里', 10, 10, '', true],
    ['产出指标', '数量指标', '危桥改造数量', '≥6座', '5座', 10, 10, '1座危桥因汛期延至次年施工。', false],
    ['产出指标', '质量指标', '优良中等路率', '≥85%', '86.7%', 10, 10, '', true],
    ['产出指标', '时效指标', '水毁路段修复及时率', '≥95%', '96%', 10, 10, '', true],
    ['产出指标', '成本指标', '每公里年养护成本', '≤0.65万元', '0.58万元', 10, 10, '', true],
    ['效益指标', '社会效益指标', '群众出行条件', '明显改善', '明显改善', 15, 15, '', true],
    ['效益指标', '可持续影响指标', '养护长效机制', '建立', '建立', 15, 15, '', true],
    ['满意度指标', '服务对象满意度指标', '沿线群众满意度', '≥90%', '91.5%', 10, 10, '', true],
  ],
  total: [100, 99.2],
  findings: ['budget-rate-mismatch@当年财政拨款', 'missed-target-full-score@危桥改造数量'],
};

/** 10号 form copied from a web page as `|`-separated lines: merged cells dropped. Clean. */
const health = {
  family: '10',
  title: '2023年度基本公共卫生服务老年人健康管理项目绩效自评报告',
  info: { 项目名称: '老年人健康管理项目', 主管部门: '县卫生健康局', 实施单位: '县疾病预防控制中心' },
  before: [
    '一、项目概况',
    '项目为辖区65岁及以上常住老年人免费提供年度健康体检和健康指导，全年预算186万元，已全部执行。',
    '二、自评结论',
    '项目自评得分99分，评价等级为优。',
  ],
  after: [
    '三、存在问题',
    '个别村卫生室体检报告反馈不及时。',
    '四、改进措施',
    '推行体检结果线上推送，10个工作日内反馈到人。',
  ],
  budget: [
    ['年度资金总额', '186.00', '186.00', '186.00', '10', '100.00%', '10'],
    ['其中：当年财政拨款', '186.00', '186.00', '186.00', '—', '100.00%', '—'],
  ],
  goal: ['为1.8万名以上老年人提供健康体检，老年人健康管理率达到70%。', '完成体检1.86万人，老年人健康管理率72.6%。'],
  indicators: [
    ['产出指标', '数量指标', '老年人健康体检人数', '≥1.8万人', '1.86万人', 15, 15, '', true],
    ['产出指标', '数量指标', '健康档案建档率', '≥90%', '92.3%', 10, 10, '', true],
    ['产出指标', '质量指标', '体检报告反馈率', '100%', '98.5%', 10, 9, '个别村卫生室反馈滞后，已督促整改。', false],
    ['产出指标', '时效指标', '年度体检完成时间', '10月底前', '10月底前', 5, 5, '', true],
    ['产出指标', '成本指标', '人均体检补助', '≤85元', '85元', 10, 10, '', true],
    ['效益指标', '社会效益指标', '老年人健康管理率', '≥70%', '72.6%', 15, 15, '', true],
    ['效益指标', '可持续影响指标', '家庭医生签约服务', '持续开展', '持续开展', 15, 15, '', true],
    ['满意度指标', '服务对象满意度指标', '老年人满意度', '≥90%', '93.8%', 10, 10, '', true],
  ],
  total: [100, 99],
  findings: [],
};

/** 10号 form flattened into one line (a web-page or PDF copy), with faults. */
const agri = {
  family: '10',
  title: '2023年度现代农业产业园建设项目支出绩效自评报告',
  info: { 项目名称: '现代农业产业园建设项目', 主管部门: '县农业农村局', 实施单位: '县农业产业化服务中心' },
  before: [
    '一、项目基本情况',
    '产业园规划面积1.2万亩，2023年全年预算2000万元，主要建设标准化生产基地、冷链仓储和产地初加工设施。',
    '二、绩效自评情况',
    '经自评，项目自评得分97.51分，评价等级为优。',
  ],
  after: ['三、存在的问题', '冷链仓储项目用地审批滞后，利益联结机制尚需完善。'],
  budget: [
    ['年度资金总额', '2000.00', '2000.00', '1930.00', '10', '96.50%', '9.65'],
    ['其中：当年财政拨款', '1600.00', '1600.00', '1552.00', '—', '97.00%', '—'],
    ['上年结转资金', '400.00', '400.00', '378.00', '—', '94.50%', '—'],
  ],
  goal: [
    '新建标准化生产基地5000亩，培育龙头企业3家，带动1200名农户就业。',
    '建成基地5200亩，培育龙头企业3家，带动农户就业1265人。',
  ],
  indicators: [
    ['产出指标', '数量指标', '新建标准化生产基地', '≥5000亩', '5200亩', 10, 10, '', true],
    ['产出指标', '数量指标', '培育农业产业化龙头企业', '≥3家', '3家', 10, 10, '', true],
    ['产出指标', '质量指标', '农产品质量安全抽检合格率', '≥98%', '99.2%', 10, 10, '', true],
    [
      '产出指标',
      '时效指标',
      '建设任务完成及时率',
      '≥95%',
      '92%',
      10,
      9,
      '冷链仓储项目因用地审批滞后，延期1个月完工。',
      false,
    ],
    ['产出指标', '成本指标', '基地亩均建设成本', '≤3200元', '3150元', 10, 10, '', true],
    ['效益指标', '经济效益指标', '园区农业总产值增长率', '≥8%', '8.6%', 10, 10, '', true],
    ['效益指标', '社会效益指标', '带动农户就业', '≥1200人', '1265人', 10, 10, '', true],
    [
      '效益指标',
      '可持续影响指标',
      '利益联结机制',
      '健全',
      '基本健全',
      10,
      8,
      '1、部分合作社分红机制尚未落实；2、下一步完善章程。',
      null,
    ],
    ['满意度指标', '服务对象满意度指标', '参与农户满意度', '≥90%', '93%', 10, 10, '', true],
  ],
  total: [100, 96.15],
  findings: ['indicator-total-mismatch@96.15', 'score-mismatch@97.51'],
};

/** The Sichuan split-column form (指标性质 / 指标值 / 度量单位), as GFM Markdown, with faults. */
const school = {
  family: 'sc',
  title: '2023年度义务教育学校校舍维修改造项目绩效自评报告',
  before: [
    '## 一、项目基本情况',
    '项目对全县12所农村义务教育学校实施校舍维修改造，调整后预算520万元，其中财政资金500万元、单位资金20万元。',
    '## 二、绩效自评结论',
    '项目自评得分93分，评价等级为优。',
  ],
  after: [
    '## 三、存在问题',
    '2所学校因设计变更未能在开学前完工。',
    '## 四、改进措施',
    '加强前期设计论证，合理安排假期施工计划。',
  ],
  budget: [
    ['总额', '480', '520', '468', '90%', '10', '9', '部分项目12月完工，尾款次年支付。'],
    ['其中：财政资金', '480', '500', '450', '90%', '', '', ''],
    ['单位资金', '0', '20', '18', '90%', '', '', ''],
    ['其他资金', '0', '0', '0', '', '', '', ''],
  ],
  indicators: [
    ['产出指标', '数量指标', '维修改造校舍面积', ['≥', '18000', '平方米'], '18650', 15, 15, '', true],
    ['产出指标', '数量指标', '改造学校数量', ['=', '12', '所'], '12', 10, 10, '', true],
    ['产出指标', '质量指标', '工程验收合格率', ['=', '100', '%'], '100', 10, 10, '', true],
    [
      '产出指标',
      '时效指标',
      '开学前完工率',
      ['≥', '90', '%'],
      '83.3',
      10,
      8,
      '2所学校因设计变更顺延至10月完工。',
      false,
    ],
    ['产出指标', '成本指标', '单位面积改造成本', ['≤', '650', '元/平方米'], '628', 5, 5, '', true],
    ['效益指标', '社会效益指标', '消除校舍安全隐患', ['定性', '有效消除', ''], '有效消除', 15, 15, '', true],
    ['效益指标', '可持续影响指标', '校舍使用年限延长', ['≥', '15', '年'], '15', 5, 6, '', true],
    ['满意度指标', '服务对象满意度指标', '师生及家长满意度', ['≥', '90', '%'], '95.6', 15, 15, '', true],
  ],
  total: [100, 93],
  findings: ['weight-total@95', 'indicator-score-exceeds-weight@校舍使用年限延长'],
};

/** The Sichuan form again, aligned with runs of spaces as in a plain-text report. Clean. */
const forest = {
  family: 'sc',
  title: '2023年度森林草原防火能力提升项目绩效自评报告',
  before: [
    '一、项目基本情况',
    '项目用于防火隔离带建设、扑火机具购置和防火宣传，全年预算350万元，执行343万元。',
    '二、自评结论',
    '经自评，项目得分99.8分，等级为优。',
  ],
  after: ['三、存在的问题', '部分新购机具操作培训尚未覆盖全部专业扑火队员。'],
  budget: [
    ['总额', '350', '350', '343', '98%', '10', '9.8', ''],
    ['其中：财政资金', '350', '350', '343', '98%', '', '', ''],
  ],
  indicators: [
    ['产出指标', '数量指标', '新建防火隔离带', ['≥', '42', '公里'], '43.5', 15, 15, '', true],
    ['产出指标', '数量指标', '购置扑火机具', ['≥', '260', '台（套）'], '260', 10, 10, '', true],
    ['产出指标', '质量指标', '设备验收合格率', ['=', '100', '%'], '100', 10, 10, '', true],
    ['产出指标', '时效指标', '防火期前完成率', ['≥', '95', '%'], '97', 10, 10, '', true],
    ['效益指标', '社会效益指标', '森林火灾受害率', ['≤', '0.9', '‰'], '0.3', 15, 15, '', true],
    ['效益指标', '生态效益指标', '森林覆盖率', ['≥', '63.5', '%'], '63.8', 10, 10, '', true],
    ['效益指标', '可持续影响指标', '防火设施使用年限', ['≥', '8', '年'], '8', 10, 10, '', true],
    ['满意度指标', '服务对象满意度指标', '林区群众满意度', ['≥', '90', '%'], '92', 10, 10, '', true],
  ],
  total: [100, 99.8],
  findings: [],
};

/** The Chongqing 部门整体 form (templates.md §4c), with faults. */
const dept = {
  family: 'cq',
  title: '2023年度区生态环境局部门整体绩效自评报告',
  info: {
    主管部门: '区生态环境局',
    财政处室: '资源环境科',
    自评总分: '97.7',
    部门联系人: '刘某',
    联系电话: '023-12345678',
  },
  before: [
    '一、部门基本情况',
    '区生态环境局内设科室6个，下属事业单位2个，2023年全年（调整）预算3124.80万元。',
    '二、绩效自评结论',
    '经自评，部门整体支出绩效自评得分95.2分，等级为优。',
  ],
  after: ['三、存在的问题', '政府采购执行率未达到年初目标，群众生态环境满意度有待提升。'],
  budget: [['2860.50', '3124.80', '3016.35', '96.53', '10', '9.7']],
  goal: [
    '完成大气、水、土壤污染防治年度目标任务，空气质量优良天数比例达到88%。',
    '同年初目标，空气质量优良天数比例调整为90%。',
    '空气质量优良天数比例91.2%，集中式饮用水水源地水质达标率100%。',
  ],
  // name, unit, nature, initial target, adjusted target, actual, coefficient, weight, score, core
  indicators: [
    ['财政供养人员控制率', '%', '≤', '100', '100', '97.6', '100', 8, 8, '是', true],
    ['“三公”经费变动率', '%', '≤', '0', '0', '-6.3', '100', 8, 8, '是', true],
    ['预算调整率', '%', '≤', '10', '10', '9.2', '100', 6, 6, '否', true],
    ['结转结余率', '%', '≤', '5', '5', '3.5', '100', 6, 6, '否', true],
    ['政府采购执行率', '%', '≥', '95', '95', '91.4', '100', 6, 6, '否', false],
    ['管理制度健全性', '—', '定性', '健全', '健全', '健全', '100', 6, 6, '否', true],
    ['资金使用合规性', '—', '定性', '合规', '合规', '合规', '100', 6, 6, '否', true],
    ['预决算信息公开性', '—', '定性', '公开', '公开', '公开', '100', 6, 6, '否', true],
    ['空气质量优良天数比例', '%', '≥', '88', '90', '91.2', '100', 10, 10, '是', true],
    ['集中式饮用水水源地水质达标率', '%', '=', '100', '100', '100', '100', 10, 10, '是', true],
    ['受污染耕地安全利用率', '%', '≥', '93', '93', '94.5', '100', 8, 8, '否', true],
    ['群众生态环境满意度', '%', '≥', '85', '85', '82.6', '80', 10, 8, '否', false],
  ],
  total: [null, 97.7],
  findings: ['score-mismatch@95.2', 'missed-target-full-score@政府采购执行率'],
};

// ---------------------------------------------------------------------------------------
// Layouts: each form as one logical table, rows of cells {text, rowSpan, colSpan}, with
// `part` on the rows that open the parts text renderers write as tables of their own.

const c = (text, rowSpan = 1, colSpan = 1) => ({ text: String(text), rowSpan, colSpan });

/** Runs of equal values in `list` from `i`: how many rows a merged label cell spans. */
function runLength(list, i, same) {
  let n = 1;
  while (i + n < list.length && same(list[i + n], list[i])) n++;
  return n;
}

function layout10(form) {
  const split = Boolean(form.split);
  const n = split ? 11 : 9;
  const rows = [];
  const info = form.info;
  rows.push({ part: 'info', cells: [c('项目名称', 1, 2), c(info.项目名称, 1, n - 2)] });
  rows.push({ cells: [c('主管部门', 1, 2), c(info.主管部门, 1, 3), c('实施单位', 1, 2), c(info.实施单位, 1, n - 7)] });
  const scored = form.budgetScores !== false;
  const heads = scored ? HEADINGS['10-budget'] : ['年初预算数', '全年预算数', '全年执行数', '执行率'];
  const itemSpan = n - 1 - heads.length;
  rows.push({
    part: 'budget',
    cells: [c('项目资金（万元）', form.budget.length + 1), c('', 1, itemSpan), ...heads.map((h) => c(h))],
  });
  for (const b of form.budget) rows.push({ cells: [c(b[0], 1, itemSpan), ...b.slice(1).map((v) => c(v))] });
  const half = Math.floor((n - 1) / 2);
  rows.push({
    part: 'goal',
    cells: [c('年度总体目标', 2), c('预期目标', 1, half), c('实际完成情况', 1, n - 1 - half)],
  });
  rows.push({ cells: [c(form.goal[0], 1, half), c(form.goal[1], 1, n - 1 - half)] });
  const head = split
    ? [
        '一级指标',
        '二级指标',
        '三级指标',
        '指标性质',
        '年度指标值',
        '度量单位',
        '实际完成值',
        '分值',
        '得分',
        '偏差原因分析及改进措施',
      ]
    : HEADINGS['10'];
  const list = form.indicators;
  rows.push({ part: 'indicators', cells: [c('绩效指标', list.length + 1), ...head.map((h) => c(h))] });
  list.forEach((ind, i) => {
    const [l1, l2, name, target, actual, weight, score, reason] = ind;
    const cells = [];
    if (l2 === null) cells.push(c(l1, 1, 3));
    else {
      if (i === 0 || list[i - 1][0] !== l1)
        cells.push(
          c(
            l1,
            runLength(list, i, (a, b) => a[0] === b[0]),
          ),
        );
      if (i === 0 || list[i - 1][0] !== l1 || list[i - 1][1] !== l2) {
        cells.push(
          c(
            l2,
            runLength(list, i, (a, b) => a[0] === b[0] && a[1] === b[1]),
          ),
        );
      }
      cells.push(c(name));
    }
    if (split) cells.push(c(target[0]), c(target[1]), c(target[2]));
    else cells.push(c(target));
    cells.push(c(actual), c(weight), c(score), c(reason));
    rows.push({ cells });
  });
  rows.push({ part: 'total', cells: [c('总分', 1, n - 3), c(form.total[0]), c(form.total[1]), c('')] });
  const widths = split
    ? [520, 760, 860, 1100, 560, 760, 640, 800, 560, 560, 1580]
    : [560, 900, 1000, 1500, 1100, 1100, 600, 600, 2000];
  return { rows, widths, width: n };
}

function layoutSichuan(form) {
  const n = 10;
  const rows = [];
  rows.push({
    part: 'budget',
    cells: ['年度预算数（万元）', '年初预算', '调整后预算数', '预算执行数', '预算执行率', '权重', '得分', '原因'].map(
      (h, i) => c(h, 1, i === 7 ? 3 : 1),
    ),
  });
  for (const b of form.budget) rows.push({ cells: b.map((v, i) => c(v, 1, i === 7 ? 3 : 1)) });
  rows.push({ part: 'indicators', cells: HEADINGS.sichuan.map((h) => c(h)) });
  const list = form.indicators;
  list.forEach((ind, i) => {
    const [l1, l2, name, target, actual, weight, score, reason] = ind;
    const cells = [];
    if (i === 0 || list[i - 1][0] !== l1)
      cells.push(
        c(
          l1,
          runLength(list, i, (a, b) => a[0] === b[0]),
        ),
      );
    if (i === 0 || list[i - 1][0] !== l1 || list[i - 1][1] !== l2) {
      cells.push(
        c(
          l2,
          runLength(list, i, (a, b) => a[0] === b[0] && a[1] === b[1]),
        ),
      );
    }
    cells.push(c(name), c(target[0]), c(target[1]), c(target[2]), c(actual), c(weight), c(score), c(reason));
    rows.push({ cells });
  });
  rows.push({ part: 'total', cells: [c('合计', 1, 7), c(form.total[0]), c(form.total[1]), c('')] });
  return { rows, widths: [800, 900, 1500, 700, 800, 800, 800, 600, 600, 1900], width: n };
}

function layoutChongqing(form) {
  const i = form.info;
  const rows = [];
  rows.push({
    part: 'info',
    cells: [
      c('主管部门'),
      c(i.主管部门, 1, 2),
      c('财政处室'),
      c(i.财政处室, 1, 2),
      c('自评总分（分）', 1, 2),
      c(i.自评总分, 1, 2),
    ],
  });
  rows.push({ cells: [c('部门联系人'), c(i.部门联系人, 1, 2), c('联系电话'), c(i.联系电话, 1, 6)] });
  rows.push({
    part: 'budget',
    cells: [
      c('部门预算执行情况（万元）', 2, 2),
      c('年初预算数'),
      c('全年（调整）预算数'),
      c('全年执行数', 1, 2),
      c('执行率（%）'),
      c('执行率权重'),
      c('执行率得分（分）', 1, 2),
    ],
  });
  const b = form.budget[0];
  rows.push({ cells: [c(b[0]), c(b[1]), c(b[2], 1, 2), c(b[3]), c(b[4]), c(b[5], 1, 2)] });
  rows.push({
    part: 'goal',
    cells: [
      c('当年绩效目标', 2, 2),
      c('年初绩效目标', 1, 3),
      c('全年（调整）绩效目标', 1, 2),
      c('全年目标实际完成情况', 1, 3),
    ],
  });
  rows.push({ cells: [c(form.goal[0], 1, 3), c(form.goal[1], 1, 2), c(form.goal[2], 1, 3)] });
  rows.push({ part: 'indicators', cells: HEADINGS.chongqing.map((h) => c(h)) });
  for (const ind of form.indicators) rows.push({ cells: ind.slice(0, 10).map((v) => c(v)) });
  return { rows, widths: [1900, 700, 700, 800, 800, 800, 800, 900, 900, 800], width: 10 };
}

const layoutOf = (form) =>
  form.family === '10' ? layout10(form) : form.family === 'sc' ? layoutSichuan(form) : layoutChongqing(form);

// ---------------------------------------------------------------------------------------
// Gold: what a reader must return, from the form's data.

function gold(id, form) {
  const indicators = form.indicators.map((ind) => {
    if (form.family === 'cq') {
      const [name, unit, nature, , adjusted, actual, , weight, score, , ok] = ind;
      const q = nature === '定性';
      return {
        level1: null,
        level2: null,
        name,
        target: q ? adjusted : `${nature === '=' ? '' : nature}${adjusted}${unit}`,
        actual: q ? actual : actual + unit,
        weight,
        score,
        reason: null, // the Chongqing form has no column for a reason
        achieved: q ? (ok ? true : null) : ok,
      };
    }
    const [level1, level2, name, target, actual, weight, score, reason, ok] = ind;
    let t = target;
    let a = actual;
    if (Array.isArray(target)) {
      const [nature, value, unit] = target;
      const u = unit === '—' ? '' : unit;
      t = nature === '定性' ? value : `${nature === '=' ? '' : nature}${value}${u}`;
      a = nature === '定性' || !/^-?[\d.]+$/.test(actual) ? actual : actual + u;
    }
    return { level1, level2, name, target: t, actual: a, weight, score, reason, achieved: ok };
  });
  const scale = 10000;
  const yuan = (v) => (v === '' ? null : Math.round(Number(v) * scale * 100) / 100);
  const rateOf = (written, executed, adjusted) => {
    if (written && written !== '—') return Number(written.replace('%', ''));
    return Number(adjusted) ? Math.round((Number(executed) / Number(adjusted)) * 10000) / 100 : null;
  };
  let budget;
  if (form.family === 'cq') {
    const [ini, adj, exe, rate] = form.budget[0];
    budget = [
      { item: '部门预算执行情况', initial: yuan(ini), adjusted: yuan(adj), executed: yuan(exe), rate: Number(rate) },
    ];
  } else {
    const rateAt = form.family === 'sc' ? 4 : form.budgetScores === false ? 4 : 5;
    budget = form.budget.map((b) => ({
      item: b[0].replace(/^其中：/, ''),
      initial: yuan(b[1]),
      adjusted: yuan(b[2]),
      executed: yuan(b[3]),
      rate: rateOf(b[rateAt], b[3], b[2]),
    }));
  }
  return { id, indicators, budget, total: { weight: form.total[0], score: form.total[1] }, findings: form.findings };
}

// ---------------------------------------------------------------------------------------
// Renderers.

/** Expanded rows of a layout: covered slots blank. `own` keeps only the cells that start in a row. */
function expand(rows, width, own = false) {
  const grid = rows.map(() => []);
  rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row.cells) {
      while (grid[r][col] !== undefined) col++;
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++)
          grid[r + dr][col + dc] = dr === 0 && dc === 0 ? cell.text : own ? null : '';
      }
      col += cell.colSpan;
    }
  });
  return grid.map((row) => Array.from({ length: width }, (_, k) => row[k] ?? (own ? null : '')));
}

/** The parts of a layout that text renderers write as tables, each starting with its header row. */
function parts(layout) {
  const out = [];
  layout.rows.forEach((row, r) => {
    if (row.part) out.push({ part: row.part, from: r, to: r + 1 });
    else out[out.length - 1].to = r + 1;
  });
  const total = out.find((p) => p.part === 'total');
  const ind = out.find((p) => p.part === 'indicators');
  if (total && ind) ind.to = total.to;
  return out.filter((p) => p.part === 'budget' || p.part === 'indicators');
}

function infoLines(form) {
  if (!form.info) return [];
  const entries = Object.entries(form.info).map(([k, v]) => `${k}：${v}`);
  return [
    entries.join('　'),
    ...(form.goal ? [`年度总体目标：${form.goal[0]}`, `实际完成情况：${form.goal[form.goal.length - 1]}`] : []),
  ];
}

/** A form as GFM Markdown tables; merged cells blank below their first row. */
function markdown(form, layout) {
  const lines = [
    `# ${form.title}`,
    '',
    ...form.before.flatMap((l) => [l, '']),
    ...infoLines(form).flatMap((l) => [l, '']),
  ];
  for (const p of parts(layout)) {
    const rows = partRows(layout, p);
    lines.push(`| ${rows[0].join(' | ')} |`, `|${rows[0].map(() => ' --- ').join('|')}|`);
    for (const r of rows.slice(1)) lines.push(`| ${r.join(' | ')} |`);
    lines.push('');
  }
  for (const l of form.after) lines.push(l, '');
  return lines.join('\n');
}

function plainLines(form, layout, render) {
  const lines = [form.title, '', ...form.before, ...infoLines(form)];
  for (const p of parts(layout)) {
    lines.push('');
    for (const line of render(layout, p)) lines.push(line);
  }
  lines.push('');
  for (const line of form.after) lines.push(line);
  return lines.join('\n') + '\n';
}

/**
 * Rows of a part with the empty columns of merged headers folded away and the outer label
 * column (项目资金（万元） / 绩效指标) gone; its text moves to the blank header next to it.
 */
function partRows(layout, p) {
  const full = expand(layout.rows, layout.width);
  const rows = full.slice(p.from, p.to).map((r) => r.slice());
  const head = rows[0];
  const drop = rows.slice(1).every((r) => r[0] === '') ? 1 : 0;
  if (drop && head[1] === '') head[1] = head[0];
  const keep = head.map((h, k) => k >= drop && (h !== '' || k === drop));
  return rows.map((r) => r.filter((_, k) => keep[k]));
}

const tsv = (layout, p) => partRows(layout, p).map((r) => r.join('\t'));
/** Copied from a web page: merged cells (covered slots) are not repeated, and blank cells vanish too. */
const pipes = (layout, p) =>
  expand(layout.rows, layout.width, true)
    .slice(p.from, p.to)
    .map((r) => r.filter((x) => x !== null && x !== '').join(' | '));

function spaced(layout, p) {
  const rows = partRows(layout, p);
  const width = (s) => [...s].reduce((w, ch) => w + (ch.codePointAt(0) >= 0x2e80 ? 2 : 1), 0);
  const cols = rows[0].map((_, k) => rows.reduce((w, r) => Math.max(w, width(r[k] ?? '')), 0));
  return rows.map((r) =>
    r
      .map((x, k) => x + ' '.repeat(cols[k] - width(x) + 2))
      .join('')
      .trimEnd(),
  );
}

/** The whole form in one line, cells run together, as a web page copied without its table breaks. */
function flattened(form, layout) {
  const cells = expand(layout.rows, layout.width, true)
    .flat()
    .filter((x) => x !== null && x !== '');
  return (
    [form.title, '', ...form.before, '项目支出绩效自评表（2023年度）' + cells.join(''), ...form.after].join('\n') + '\n'
  );
}

/** The form as a Word document: one table, merged cells kept, narrow columns so text wraps. */
async function word(form, layout, { borders = true } = {}) {
  const para = (text, opts = {}) =>
    new Paragraph({ children: [new TextRun({ text, ...opts })], spacing: { after: 60 }, ...opts.paragraph });
  const table = new Table({
    layout: TableLayoutType.FIXED,
    columnWidths: layout.widths,
    ...(borders ? {} : { borders: TableBorders.NONE }),
    rows: layout.rows.map(
      (row) =>
        new TableRow({
          children: row.cells.map(
            (cell) =>
              new TableCell({
                children: [new Paragraph({ children: [new TextRun(cell.text)] })],
                rowSpan: cell.rowSpan,
                columnSpan: cell.colSpan,
                verticalAlign: VerticalAlign.TOP,
              }),
          ),
        }),
    ),
  });
  const heading = (l) => /^[一二三四五六七八九十]+、/.test(l.replace(/^#+ /, ''));
  const doc = new Document({
    styles: { default: { document: { run: { font: FONT, size: 20 } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        children: [
          para(form.title, { bold: true, paragraph: { alignment: AlignmentType.CENTER } }),
          ...form.before.map((l) => para(l.replace(/^#+ /, ''), heading(l) ? { bold: true } : {})),
          table,
          ...form.after.map((l) => para(l.replace(/^#+ /, ''), heading(l) ? { bold: true } : {})),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

// ---------------------------------------------------------------------------------------

// `--variants DIR` writes every form in every format into DIR instead (not committed): a wider
// check of the readers than the fixtures, for bench/tables-dev.mjs DIR.
const vi = process.argv.indexOf('--variants');
const out = vi > 0 ? process.argv[vi + 1] : OUT;
const write = (name, data) => fs.writeFileSync(path.join(out, name), data);
const writeGold = (id, form) => write(`${id}.gold.json`, JSON.stringify(gold(id, form), null, 1) + '\n');

fs.mkdirSync(out, { recursive: true });
const all = { water, sanitation, elderly, roads, health, agri, school, forest, dept };
const files =
  vi > 0
    ? Object.entries(all).flatMap(([name, form]) =>
        ['docx', 'md', 'tab', 'pipe', 'spaces', ...(form.family !== 'cq' ? ['flat'] : [])]
          .filter((kind) => form.family !== 'cq' || kind === 'docx')
          .map((kind) => [`${name}-${kind}`, form, kind]),
      )
    : [
        ['water', water, 'docx'],
        ['sanitation', sanitation, 'docx'],
        ['dept-cq', dept, 'docx'],
        ['elderly', elderly, 'md'],
        ['school', school, 'md'],
        ['roads-tab', roads, 'tab'],
        ['health-pipe', health, 'pipe'],
        ['forest-spaces', forest, 'spaces'],
        ['agri-flat', agri, 'flat'],
      ];
for (const [id, form, kind] of files) {
  const layout = layoutOf(form);
  if (kind === 'docx') write(`${id}.docx`, await word(form, layout));
  else if (kind === 'md') write(`${id}.md`, markdown(form, layout));
  else if (kind === 'tab') write(`${id}.txt`, plainLines(form, layout, tsv));
  else if (kind === 'pipe') write(`${id}.txt`, plainLines(form, layout, pipes));
  else if (kind === 'spaces') write(`${id}.txt`, plainLines(form, layout, spaced));
  else write(`${id}.txt`, flattened(form, layout));
  writeGold(id, form);
}

// PDFs, printed from Word files by LibreOffice as real submissions are.
const pdfs =
  vi > 0
    ? Object.entries(all).flatMap(([name, form]) => [
        [`${name}-ruled`, form, true],
        [`${name}-loose`, form, false],
      ])
    : [
        ['water-pdf', water, true],
        ['sanitation-pdf', sanitation, true],
        ['dept-cq-pdf', dept, false],
      ];
// LibreOffice's command: `soffice` on Debian, or where SOFFICE says.
const office = process.env.SOFFICE ?? 'soffice';
const soffice = spawnSync(office, ['--version'], { encoding: 'utf8' });
if (soffice.status !== 0) console.log(`${office} not found: the PDFs are left as they are`);
else {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-forms-'));
  for (const [id, form, borders] of pdfs) {
    fs.writeFileSync(path.join(tmp, `${id}.docx`), await word(form, layoutOf(form), { borders }));
  }
  // One LibreOffice run for all of them: starting it costs seconds.
  const docs = pdfs.map(([id]) => path.join(tmp, `${id}.docx`));
  const r = spawnSync(office, ['--headless', '--convert-to', 'pdf', '--outdir', tmp, ...docs], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  for (const [id, form] of pdfs) {
    fs.copyFileSync(path.join(tmp, `${id}.pdf`), path.join(out, `${id}.pdf`));
    writeGold(id, form);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(`wrote ${files.length + pdfs.length} forms to ${out}`);
