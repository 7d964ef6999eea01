import WordExtractor from 'word-extractor';

/** Reads the body text of a Word 97–2003 .doc file. */
export async function readDoc(bytes: Uint8Array): Promise<string> {
  const document = await new WordExtractor().extract(Buffer.from(bytes));
  return document.getBody();
}
