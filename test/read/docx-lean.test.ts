// The lean .docx reader against mammoth, element by element: whatever the lean reader reads,
// mammoth reads the same; whatever it is unsure of, it leaves to mammoth (undefined).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  Bookmark,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
} from 'docx';
import fc from 'fast-check';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/read/docx.js';
import { leanDocument } from '../../src/read/docx-lean.js';
import type { MammothElement } from '../../src/read/docx-table.js';
import { readXml } from '../../src/read/docx-xml.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { zipEntries } from '../../src/read/zip.js';
import { deflated, docxParts, wordReport, zip } from './make.js';

/** What the readers downstream use of an element (mammoth's fields, with only what they read), and nothing else. */
type Shape = Omit<MammothElement, 'children' | 'value'> & { value?: string; children?: Shape[] };

function shape(el: MammothElement): Shape {
  const out: Shape = { type: el.type };
  if (el.type === 'text') out.value = el.value!;
  if (el.type === 'break') out.breakType = el.breakType!;
  if (el.type === 'paragraph') {
    out.styleName = el.styleName ?? null;
    out.numbering = el.numbering ? { level: el.numbering.level, isOrdered: el.numbering.isOrdered } : null;
  }
  if (el.type === 'tableCell') {
    out.colSpan = el.colSpan!;
    out.rowSpan = el.rowSpan!;
  }
  if (el.children && el.type !== 'document' && !['hyperlink'].includes(el.type)) out.children = el.children.map(shape);
  if (el.type === 'document') out.children = el.children!.map(shape);
  return out;
}

async function mammothShape(bytes: Uint8Array): Promise<Shape> {
  let document: MammothElement | undefined;
  await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes) },
    {
      transformDocument: (read: MammothElement) => {
        document = read;
        return { ...read, children: [] };
      },
    },
  );
  return shape(document!);
}

/** Both readers on `bytes`: the lean one must read it (`lean: true`) or leave it to mammoth. */
async function agree(bytes: Uint8Array, lean: boolean): Promise<void> {
  const document = leanDocument(bytes);
  expect(document !== undefined).toBe(lean);
  if (document) expect(shape(document)).toEqual(await mammothShape(bytes));
}

const pack = async (document: Document) => new Uint8Array(await Packer.toBuffer(document));

const numbered = {
  config: [
    {
      reference: 'outline',
      levels: [
        { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
        { level: 1, format: LevelFormat.DECIMAL, text: '%2.' },
        { level: 2, format: LevelFormat.BULLET, text: '•' },
      ],
    },
  ],
};

const cell = (text: string, options: object = {}) => new TableCell({ children: [new Paragraph(text)], ...options });

describe('leanDocument', () => {
  it('reads the Word fixtures as mammoth does', async () => {
    const forms = join(FIXTURES, 'forms');
    for (const name of readdirSync(forms).filter((f) => f.endsWith('.docx')))
      await agree(new Uint8Array(readFileSync(join(forms, name))), true);
    await agree(await wordReport([{ text: '其他说明', level: 0 }, { text: '无' }]), true);
  });

  it('reads headings, Word numbering, tabs, breaks, bookmarks and merged cells as mammoth does', async () => {
    const document = new Document({
      numbering: numbered,
      sections: [
        {
          children: [
            new Paragraph({ text: '某局2020年度部门整体支出绩效自评报告', heading: HeadingLevel.TITLE }),
            new Paragraph({ text: '基本情况', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: '部门职能', numbering: { reference: 'outline', level: 0 } }),
            new Paragraph({ text: '资金使用', numbering: { reference: 'outline', level: 1 } }),
            new Paragraph({ text: '要点', numbering: { reference: 'outline', level: 2 } }),
            new Paragraph({ children: [new TextRun('指标'), new TextRun({ children: [new Tab(), '98%'] })] }),
            new Paragraph({
              children: [new TextRun({ text: '第一行', break: 0 }), new TextRun({ text: '第二行', break: 1 })],
            }),
            new Paragraph({ children: [new PageBreak(), new TextRun('下一页')] }),
            new Paragraph({ children: [new Bookmark({ id: 'b1', children: [new TextRun('书签内文字')] })] }),
            new Paragraph({ children: [new TextRun('A & B < C > D "E" \'F\' 😀 　全角空格  ')] }),
            new Paragraph(''),
            new Table({
              rows: [
                new TableRow({
                  children: [
                    cell('产出指标', { verticalMerge: VerticalMergeType.RESTART }),
                    cell('数量指标', { columnSpan: 2 }),
                  ],
                }),
                new TableRow({
                  children: [cell('', { verticalMerge: VerticalMergeType.CONTINUE }), cell('a'), cell('b')],
                }),
                new TableRow({
                  children: [
                    new TableCell({
                      children: [
                        new Table({ rows: [new TableRow({ children: [cell('嵌套'), cell('表')] })] }),
                        new Paragraph('后'),
                      ],
                    }),
                    cell('c', { columnSpan: 2 }),
                  ],
                }),
              ],
            }),
          ],
        },
      ],
    });
    await agree(await pack(document), true);
  });

  it('leaves hyperlinks, fields, comments and unknown XML to mammoth', async () => {
    const link = new Document({
      sections: [
        {
          children: [
            new Paragraph({
              children: [new ExternalHyperlink({ link: 'https://example.org', children: [new TextRun('链接')] })],
            }),
          ],
        },
      ],
    });
    await agree(await pack(link), false);
    const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const part = (body: string) =>
      zip(
        docxParts(
          deflated('word/document.xml', `<?xml version="1.0"?><w:document ${w}><w:body>${body}</w:body></w:document>`),
        ),
      );
    await agree(part('<w:p><w:r><w:t>一</w:t></w:r></w:p>'), true);
    await agree(part('<w:p><w:r><w:t><![CDATA[一]]></w:t></w:r></w:p>'), false);
    await agree(part('<w:p><!-- note --><w:r><w:t>一</w:t></w:r></w:p>'), false);
    await agree(part('<w:p><w:r><w:fldChar w:fldCharType="begin"/><w:t>一</w:t></w:r></w:p>'), false);
    await agree(part('<w:p><w:pPr><w:rPr><w:del/></w:rPr></w:pPr><w:r><w:t>删</w:t></w:r></w:p><w:p/>'), false);
    await agree(part('<w:p><w:r><w:t>a &nbsp; b</w:t></w:r></w:p>'), false);
    await agree(part('<w:p><w:r><w:t>a &amp; &#x4E00;&#20108; b</w:t></w:r></w:p>'), true);
    await agree(part('<w:p>\r\n<w:r><w:t xml:space="preserve">a\r\nb\rc </w:t></w:r></w:p>'), true);
    await agree(
      part(
        '<w:tbl><w:tr><w:trPr><w:del/></w:trPr><w:tc><w:p/></w:tc></w:tr><w:tr><w:tc><w:tcPr><w:gridSpan w:val="x"/></w:tcPr><w:p><w:r><w:t>格</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
      ),
      true,
    );
    await agree(
      part(
        '<w:tbl><w:bookmarkStart w:name="x"/><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p/></w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>',
      ),
      true,
    );
    await agree(part('<w:p><w:r><w:t>a</w:t></w:r></w:p><w:p><w:r><w:t>b</w:r></w:t></w:p>'), false);
    await agree(part('<w:p><w:r><w:t>a</w:t><w:foo/></w:r></w:p>'), false);
  });

  it('reads numbering and styles by mammoth’s rules, odd ones included', async () => {
    const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const types =
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>';
    const rels =
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document.xml"/></Relationships>';
    const styles =
      `<w:styles ${w}><w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/></w:style>` +
      `<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="Title"/></w:style>` +
      `<w:style w:type="paragraph" w:styleId="Listed"><w:name w:val="List"/></w:style>` +
      `<w:style w:type="numbering" w:styleId="NoList"><w:name w:val="No List"/></w:style>` +
      `<w:style w:type="paragraph" w:styleId="Nameless"/></w:styles>`;
    const numbering =
      `<w:numbering ${w}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/></w:lvl>` +
      `<w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl><w:lvl><w:numFmt w:val="decimal"/><w:pStyle w:val="Listed"/></w:lvl></w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="9"/></w:num></w:numbering>`;
    const p = (props: string, text: string) => `<w:p><w:pPr>${props}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const body = [
      p('<w:pStyle w:val="H1"/>', '标题'),
      p('<w:pStyle w:val="Missing"/>', '无此样式'),
      p('<w:pStyle w:val="Nameless"/>', '无名样式'),
      p('<w:pStyle/>', '空样式'),
      p('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>', '一级'),
      p('<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>', '项目符号'),
      p('<w:numPr><w:ilvl w:val="5"/><w:numId w:val="1"/></w:numPr>', '无此级'),
      p('<w:numPr><w:numId w:val="1"/></w:numPr>', '无级别'),
      p('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>', '无此编号'),
      p('<w:pStyle w:val="Listed"/>', '样式编号'),
    ].join('');
    const bytes = zip([
      deflated('[Content_Types].xml', types),
      deflated('_rels/.rels', rels),
      deflated(
        'word/document.xml',
        `\uFEFF<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document ${w}><w:body>${body}</w:body></w:document>`,
      ),
      deflated('word/styles.xml', styles),
      deflated('word/numbering.xml', numbering),
    ]);
    await agree(bytes, true);
    const linked = numbering.replace(
      '<w:abstractNum w:abstractNumId="0">',
      '<w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="NoList"/>',
    );
    await agree(
      zip([
        deflated('word/document.xml', `<w:document ${w}><w:body>${body}</w:body></w:document>`),
        deflated('word/numbering.xml', linked),
      ]),
      false,
    );
  });

  it('gives the same text as mammoth for generated reports (property)', async () => {
    const text = fc.stringMatching(/^[一二三四五六七八九十（）、。，a-z0-9 &<>"'%\t]{0,12}$/);
    const block = fc.oneof(
      fc.record({
        kind: fc.constant('p' as const),
        text,
        level: fc.constantFrom(undefined, 0, 1, 2),
        heading: fc.boolean(),
      }),
      fc.record({
        kind: fc.constant('table' as const),
        rows: fc.array(fc.array(fc.tuple(text, fc.boolean()), { minLength: 1, maxLength: 3 }), {
          minLength: 1,
          maxLength: 3,
        }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(block, { maxLength: 8 }), async (blocks) => {
        const children = blocks.map((b) =>
          b.kind === 'p'
            ? new Paragraph({
                children: b.text.split('\t').map((t, i) => new TextRun(i ? { children: [new Tab(), t] } : t)),
                ...(b.level !== undefined ? { numbering: { reference: 'outline', level: b.level } } : {}),
                ...(b.heading ? { heading: HeadingLevel.HEADING_2 } : {}),
              })
            : new Table({
                rows: b.rows.map(
                  (row, r) =>
                    new TableRow({
                      children: row.map(([t, merged]) =>
                        cell(
                          t,
                          merged
                            ? { verticalMerge: r === 0 ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE }
                            : {},
                        ),
                      ),
                    }),
                ),
              }),
        );
        const bytes = await pack(new Document({ numbering: numbered, sections: [{ children }] }));
        await agree(bytes, true);
      }),
      { numRuns: 40 },
    );
  });
});

describe('readXml', () => {
  it('takes plain XML and gives up on anything doubtful', () => {
    const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    expect(readXml(`<x:p xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main" x:val='1'/>`)).toEqual({
      type: 'element',
      name: 'w:p',
      attributes: { 'w:val': '1' },
      children: [],
    });
    expect(readXml(`<w:p ${w}><w:t>a</w:t></w:p> trailing`)).toBeUndefined();
    expect(readXml(`<w:p ${w} w:a="1" w:a="2"/>`)).toBeUndefined();
    expect(readXml(`<w:p ${w}><v:x/></w:p>`)).toBeUndefined();
    expect(readXml(`<w:p ${w}><w:r xmlns:v="urn:x"/></w:p>`)).toBeUndefined();
    expect(readXml(`<!DOCTYPE x><w:p ${w}/>`)).toBeUndefined();
    expect(readXml(`<w:p ${w}>`)).toBeUndefined();
    expect(readXml(`<w:p ${w}>\u0001</w:p>`)).toBeUndefined();
    expect(readXml(` <?xml version="1.0"?><w:p ${w}/>`)).toBeUndefined();
    // Attribute values as xmldom reads them: white space to spaces, then entities.
    expect(readXml(`<w:p ${w} w:val="a\tb&#10;c"/>`)?.attributes).toEqual({ 'w:val': 'a b\nc' });
  });
});

/** The offset of the zip's end record (the last `PK\x05\x06`). */
const endRecord = (bytes: Uint8Array) => Buffer.from(bytes).lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));

/** `bytes` with the first central directory name `from` written `to` (same length); local headers untouched. */
function renameCentral(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const out = Buffer.from(bytes);
  const central = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  const at = out.indexOf(Buffer.from(from), central);
  expect(at).toBeGreaterThan(central);
  Buffer.from(to).copy(out, at);
  return new Uint8Array(out);
}

describe('the zip as JSZip reads it (a review of the lean reader)', () => {
  it('leaves to mammoth a package whose central and local names differ', async () => {
    const report = await wordReport();
    // A Windows zipper's `\` in the central directory: JSZip goes by the local header's `word/styles.xml`.
    const backslash = renameCentral(report, 'word/styles.xml', 'word\\styles.xml');
    await agree(backslash, false);
    const read = await readDocx(backslash, 1e9);
    expect(read.text).toBe((await readDocx(report, 1e9)).text);
    // The other way round: a central name the local header does not have.
    await agree(renameCentral(report, 'word/styles.xml', 'word/zzzzzz.xml'), false);
  });

  it('reads every central header, whatever count the end record states', async () => {
    const report = await wordReport();
    for (const count of [0, 3]) {
      const understated = Buffer.from(report);
      understated.writeUInt16LE(count, endRecord(report) + 8);
      understated.writeUInt16LE(count, endRecord(report) + 10);
      const bytes = new Uint8Array(understated);
      expect(zipEntries(bytes).map((e) => e.name)).toEqual(zipEntries(report).map((e) => e.name));
      await agree(bytes, true);
    }
  });
});

describe('readDocx with the lean reader', () => {
  it('says a damaged package is not a valid .docx, as mammoth did', async () => {
    const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const noBody = zip(docxParts(deflated('word/document.xml', `<w:document ${w}></w:document>`)));
    await expect(readDocx(noBody, 1e6)).rejects.toMatchObject({
      code: 'corrupt-docx',
      detail: { cause: 'Could not find the body element: are you sure this is a docx file?' },
    });
  });
});
