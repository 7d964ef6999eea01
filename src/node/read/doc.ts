/** Reads the body text of a Word 97–2003 .doc file (word-extractor needs Node's Buffer). */
export async function readDoc(bytes: Uint8Array): Promise<string> {
  const { default: WordExtractor } = await import('word-extractor');
  const document = await new WordExtractor().extract(Buffer.from(bytes));
  return document.getBody();
}
