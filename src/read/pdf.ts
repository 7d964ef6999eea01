/**
 * Extracts the text layer of a PDF with pdf.js, one line per text line. Line-wrapped
 * sentences are re-joined later by the parser's paragraph rules (a line cut
 * mid-sentence joins the next). A PDF with no text layer (a scan) gives ''.
 */
export async function readPdf(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const lines: string[] = [];
  try {
    for (let page = 1; page <= document.numPages; page++) {
      const content = await (await document.getPage(page)).getTextContent();
      let line = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        line += item.str;
        if (item.hasEOL) {
          lines.push(line);
          line = '';
        }
      }
      if (line) lines.push(line);
    }
  } finally {
    await document.destroy();
  }
  return lines.join('\n').trim() ? lines.join('\n') + '\n' : '';
}
