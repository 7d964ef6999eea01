/** A file of the build and its size, minified and gzipped; `note` says when the page loads it. */
export interface Size {
  file: string;
  bytes: number;
  gzip: number;
  note: string;
}
/** Where `npm run web` builds to (web/dist). */
export const DIST: string;
/** Builds the console into `out` (emptied first; web/dist by default). */
export function build(
  out?: string,
): Promise<{ rows: Size[]; totals: Array<{ label: string; bytes: number; gzip: number }> }>;
