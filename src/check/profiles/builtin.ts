import type { ProfileInput } from './schema.js';

/**
 * Built-in profiles, from ../shared/research/templates.md (§1, §5). Headings are
 * matched fuzzily (see match.ts), so synonyms list wordings, not width or bracket variants.
 */

/** Hunan 部门（单位）整体支出绩效自评报告, the seed's family (Shaodong 2020; 岳阳 forms). */
const hunanDeptOverall: ProfileInput = {
  id: 'hunan-dept-overall',
  name: '湖南省部门（单位）整体支出绩效自评报告',
  source: 'Shaodong 2020 and the 岳阳 forms (templates.md §1a-i)',
  titleWords: ['整体支出'],
  slots: [
    {
      id: 'basic-info',
      title: '部门（单位）基本概况',
      synonyms: [
        '部门基本情况',
        '部门概况',
        '单位基本概况',
        '单位概况',
        '部门单位概况',
        '基本情况',
        '基本概况',
        '部门单位基本情况',
      ],
    },
    {
      id: 'income-expenditure',
      title: '部门（单位）收支情况',
      synonyms: ['收支情况', '整体支出概况'],
      required: false,
    },
    {
      id: 'performance',
      title: '部门（单位）整体支出绩效状况',
      synonyms: ['整体支出绩效状况', '整体支出绩效情况', '绩效状况', '绩效情况', '绩效实现情况', '自评得分情况'],
    },
    {
      id: 'problems',
      title: '存在的问题及原因',
      synonyms: [
        '存在问题及原因',
        '存在的问题',
        '存在问题',
        '问题及原因',
        '主要问题',
        '问题及改进措施',
        '问题和改进措施',
        '问题及整改措施',
        '问题及建议',
        '问题和建议',
      ],
    },
    {
      id: 'measures',
      title: '提高财政资金绩效的措施与建议',
      synonyms: [
        '措施与建议',
        '措施及建议',
        '改进措施',
        '下一步改进措施',
        '意见及建议',
        '有关建议',
        '改进建议',
        '建议',
      ],
    },
    { id: 'annex', title: '附件（佐证依据）', synonyms: ['佐证依据', '佐证材料', '附件'], annex: true },
  ],
};

/** 财预〔2020〕10号 项目支出绩效评价报告（参考提纲）. */
const mofProject2020: ProfileInput = {
  id: 'mof-project-2020',
  name: '项目支出绩效评价报告（财预〔2020〕10号参考提纲）',
  source: '财预〔2020〕10号 reference outline (templates.md §1b-i; recalled, corroborated by real reports)',
  titleWords: ['项目'],
  slots: [
    { id: 'basic-info', title: '基本情况', synonyms: ['项目基本情况', '项目概况', '项目基本概况'] },
    {
      id: 'evaluation-work',
      title: '绩效评价工作开展情况',
      synonyms: ['评价工作开展情况', '自评工作开展情况', '绩效评价工作情况', '评价工作情况'],
    },
    {
      id: 'conclusion',
      title: '综合评价情况及评价结论',
      synonyms: ['评价结论', '综合评价', '绩效实现情况', '绩效目标完成情况'],
    },
    {
      id: 'indicators',
      title: '绩效评价指标分析',
      synonyms: ['指标分析', '绩效指标完成情况', '绩效分析'],
      required: false,
    },
    { id: 'experience', title: '主要经验及做法', synonyms: ['经验做法', '主要经验'], required: false },
    {
      id: 'problems',
      title: '存在的问题及原因分析',
      synonyms: [
        '存在问题及原因分析',
        '存在的问题',
        '存在问题',
        '问题及原因',
        '问题及改进措施',
        '问题和改进措施',
        '问题及整改措施',
        '问题及建议',
        '问题和建议',
      ],
    },
    {
      id: 'suggestions',
      title: '有关建议',
      synonyms: ['建议', '改进措施', '改进建议', '下一步改进措施', '意见及建议'],
    },
    {
      id: 'other',
      title: '其他需要说明的问题',
      synonyms: ['其他需说明的问题', '其他说明', '其他需要说明的情况'],
      required: false,
      allowNone: true,
    },
    { id: 'annex', title: '附件', synonyms: ['佐证材料', '佐证依据'], required: false, annex: true },
  ],
};

/** Any report: problems and measures at least. */
const generic: ProfileInput = {
  id: 'generic',
  name: '通用绩效自评报告',
  source: 'what every outline in templates.md shares',
  slots: [
    {
      id: 'problems',
      title: '存在的问题',
      synonyms: [
        '存在问题',
        '问题及原因',
        '主要问题',
        '未完成的绩效目标及其原因',
        '问题及改进措施',
        '问题和改进措施',
        '问题及整改措施',
        '问题及建议',
        '问题和建议',
      ],
    },
    { id: 'measures', title: '改进措施', synonyms: ['措施', '建议', '下一步工作', '下一步打算'] },
    {
      id: 'other',
      title: '其他需要说明的问题',
      synonyms: ['其他说明', '其他需说明的问题'],
      required: false,
      allowNone: true,
    },
    { id: 'annex', title: '附件', synonyms: ['佐证材料', '佐证依据'], required: false, annex: true },
  ],
};

export const BUILTIN_PROFILES: readonly ProfileInput[] = [hunanDeptOverall, mofProject2020, generic];
