// Files the reader tests write for themselves: Word packages (well-formed or hostile), PDFs, encodings.
import { constants, deflateRawSync, deflateSync } from 'node:zlib';
import { Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';

const MB = 1024 * 1024;

/**
 * A raw deflate stream of `megabytes` MB of zero bytes, made without holding them: one
 * megabyte deflated and flushed to a byte boundary (about 1 KB), repeated, then a final
 * empty block. A decompression bomb of 1000:1, as hostile files are.
 */
export function zeros(megabytes: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(MB), { finishFlush: constants.Z_SYNC_FLUSH });
  const parts: Uint8Array[] = [];
  for (let i = 0; i < megabytes; i++) parts.push(block);
  parts.push(Uint8Array.of(0x03, 0x00)); // a final fixed-Huffman block holding only its end code
  return Buffer.concat(parts);
}

/** The same zeros as a zlib stream (as PDF's FlateDecode has them); the checksum is not needed to stop early. */
export function zlibZeros(megabytes: number): Uint8Array {
  return Buffer.concat([Uint8Array.of(0x78, 0x9c), zeros(megabytes)]);
}

export interface ZipPart {
  name: string;
  /** Deflated (method 8) bytes, or the stored bytes when `stored`. */
  data: Uint8Array;
  /** What the directory declares the part inflates to. */
  size: number;
  stored?: boolean;
  /** Declare the sizes in a zip64 extra field, as packages over 4 GB must. */
  zip64?: boolean;
}

/** A zip package of these parts, written as zip writers do (the CRC is not checked by the readers). */
export function zip(parts: ZipPart[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const extra = part.zip64 ? Buffer.alloc(20) : Buffer.alloc(0);
    if (part.zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(part.size), 4);
      extra.writeBigUInt64LE(BigInt(part.data.length), 12);
    }
    const version = part.zip64 ? 45 : 20;
    /** The fields a local header and its directory entry share; the entry has them 2 bytes further on. */
    const fields = (header: Buffer, signature: number, shift: number) => {
      header.writeUInt32LE(signature, 0);
      header.writeUInt16LE(version, 4 + shift);
      header.writeUInt16LE(part.stored ? 0 : 8, 8 + shift);
      header.writeUInt32LE(part.zip64 ? 0xffffffff : part.data.length, 18 + shift);
      header.writeUInt32LE(part.zip64 ? 0xffffffff : part.size, 22 + shift);
      header.writeUInt16LE(name.length, 26 + shift);
      header.writeUInt16LE(extra.length, 28 + shift);
      return header;
    };
    chunks.push(fields(Buffer.alloc(30), 0x04034b50, 0), name, extra, Buffer.from(part.data));
    const entry = fields(Buffer.alloc(46), 0x02014b50, 2);
    entry.writeUInt16LE(version, 4); // made by
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name, extra);
    offset += 30 + name.length + extra.length + part.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}

/** A part deflated for real, declaring its true size. */
export function deflated(name: string, text: string): ZipPart {
  const bytes = Buffer.from(text);
  return { name, data: deflateRawSync(bytes), size: bytes.length };
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ' +
  'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" ' +
  'Target="word/document.xml"/></Relationships>';

/** The parts of a minimal .docx around `document` (the main part, as given). */
export function docxParts(document: ZipPart): ZipPart[] {
  return [deflated('[Content_Types].xml', CONTENT_TYPES), deflated('_rels/.rels', RELS), document];
}

/** The main part of a .docx holding these paragraphs. */
export function documentXml(paragraphs: string[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
    paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('') +
    '</w:body></w:document>'
  );
}

/** A paragraph of {@link wordReport}'s: numbered by Word at `level` (0 for 一、, 1 for （一）) when given. */
export interface WordParagraph {
  text: string;
  level?: 0 | 1;
}

/**
 * A .docx as Word writes one: Word's own numbering for 一、 and （一）, a title, a heading, a table,
 * then the paragraphs `after` the table.
 */
export async function wordReport(after: WordParagraph[] = []): Promise<Uint8Array> {
  const document = new Document({
    numbering: {
      config: [
        {
          reference: 'outline',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）' },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: '某县林业局2020年度部门整体支出绩效自评报告', heading: HeadingLevel.TITLE }),
          new Paragraph({ text: '部门（单位）基本概况', numbering: { reference: 'outline', level: 0 } }),
          new Paragraph({ text: '内设股室5个，全年支出520万元。' }),
          new Paragraph({ text: '部门（单位）整体支出绩效状况', numbering: { reference: 'outline', level: 0 } }),
          new Paragraph({ text: '完成造林任务', numbering: { reference: 'outline', level: 1 } }),
          new Paragraph({ text: '9月7日，完成造林1.2万亩，预算执行率98%。' }),
          new Table({
            rows: [
              ['指标', '年度目标', '实际完成'],
              ['造林面积', '1万亩', '1.2万亩'],
            ].map((row) => new TableRow({ children: row.map((c) => new TableCell({ children: [new Paragraph(c)] })) })),
          }),
          ...after.map(({ text, level }) =>
            level === undefined
              ? new Paragraph({ text })
              : new Paragraph({ text, numbering: { reference: 'outline', level } }),
          ),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** A PDF object: its dictionary, and a stream's bytes when it has one. */
export interface PdfObject {
  dictionary: string;
  stream?: Uint8Array;
}

/** A PDF of these objects (numbered from 1, the first the catalog), with a correct cross-reference table. */
function pdf(objects: PdfObject[], trailer = ''): Uint8Array {
  const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = chunks[0]!.length;
  const offsets: number[] = [];
  const push = (b: Buffer) => {
    chunks.push(b);
    length += b.length;
  };
  objects.forEach((object, i) => {
    offsets.push(length);
    if (object.stream) {
      push(Buffer.from(`${i + 1} 0 obj\n${object.dictionary}\nstream\n`, 'latin1'));
      push(Buffer.from(object.stream));
      push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
    } else push(Buffer.from(`${i + 1} 0 obj\n${object.dictionary}\nendobj\n`, 'latin1'));
  });
  const xref = length;
  push(
    Buffer.from(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
        offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
        `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${xref}\n%%EOF\n`,
      'latin1',
    ),
  );
  return Buffer.concat(chunks);
}

/** A one-page PDF drawn by `contents` with these resources; `more` objects are numbered from 5. */
export function onePage(contents: PdfObject, resources = '', more: PdfObject[] = []): Uint8Array {
  return pdf([
    { dictionary: '<< /Type /Catalog /Pages 2 0 R >>' },
    { dictionary: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' },
    {
      dictionary: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << ${resources} >> >>`,
    },
    contents,
    ...more,
  ]);
}

/** A content stream as pdf.js reads it: `/Length` and the bytes, deflated when asked. */
export function content(text: string, flate = false): PdfObject {
  const bytes = flate ? deflateSync(Buffer.from(text, 'latin1')) : Buffer.from(text, 'latin1');
  return { dictionary: `<< /Length ${bytes.length}${flate ? ' /Filter /FlateDecode' : ''} >>`, stream: bytes };
}

/** UTF-16BE hex of a string, as a PDF string in a UCS-2 CMap font. */
function ucs2(text: string): string {
  return Buffer.from(text, 'utf16le').swap16().toString('hex');
}

/**
 * A PDF whose pages show these lines of text. Latin text is set in Helvetica; Chinese in
 * STSong-Light with the UniGB-UCS2-H CMap and no embedded font, as Java report writers of
 * finance systems make them, so that only Adobe's CMaps give its text.
 */
export function textPdf(pages: string[][], options: { flate?: boolean; trailer?: string } = {}): Uint8Array {
  const objects: PdfObject[] = [
    { dictionary: '<< /Type /Catalog /Pages 2 0 R >>' },
    { dictionary: '' }, // the page tree, filled below
    { dictionary: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>' },
    {
      dictionary:
        '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [5 0 R] >>',
    },
    {
      dictionary:
        '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light ' +
        '/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 6 0 R >>',
    },
    {
      dictionary:
        '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] ' +
        '/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
    },
  ];
  const kids: number[] = [];
  for (const lines of pages) {
    const ops = lines
      .map((line, i) => {
        const latin = /^[\x20-\x7e]*$/.test(line);
        const shown = latin ? `(${line.replace(/[()\\]/g, '\\$&')})` : `<${ucs2(line)}>`;
        return `BT /${latin ? 'F1' : 'F2'} 12 Tf 40 ${780 - i * 20} Td ${shown} Tj ET`;
      })
      .join('\n');
    objects.push(content(ops, options.flate));
    objects.push({
      dictionary:
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${objects.length} 0 R ` +
        '/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>',
    });
    kids.push(objects.length);
  }
  objects[1] = {
    dictionary: `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`,
  };
  return pdf(objects, options.trailer);
}

/**
 * A PDF that needs a password to open: RC4 128-bit encryption (standard security handler,
 * revision 3) whose user key does not match the empty password, as a PDF with a user
 * password looks to a reader that has none. Its streams are left as they are: pdf.js stops
 * at the password.
 */
export function passwordPdf(): Uint8Array {
  const hex32 = (byte: string) => `<${byte.repeat(32)}>`;
  return textPdf([['Budget execution 2020']], {
    trailer:
      `/Encrypt << /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O ${hex32('4f')} /U ${hex32('55')} >> ` +
      `/ID [${hex32('1d')} ${hex32('1d')}] `,
  });
}
