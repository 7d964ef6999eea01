/**
 * Files from the file picker, the folder picker and drag-and-drop, each with the name it is shown and exported
 * under: its path inside the folder chosen or dropped, else its own name.
 */

/** The kinds of file a folder is searched for, as in the CLI. */
export const REPORT_EXTENSIONS = ['txt', 'md', 'markdown', 'docx', 'doc', 'pdf'];

export interface Picked {
  name: string;
  file: File;
}

const REPORT = new RegExp(`\\.(${REPORT_EXTENSIONS.join('|')})$`, 'i');
/** In folders, like the CLI: report files only, no hidden files, nothing under node_modules or .git. */
const wanted = (path: string) =>
  REPORT.test(path) && !path.split('/').some((part) => part.startsWith('.') || part === 'node_modules');

/** Files chosen one by one are all taken (a wrong kind is reported, not skipped); a folder's are filtered. */
export function fromInput(list: FileList | null): Picked[] {
  const out: Picked[] = [];
  for (const file of list ?? []) {
    const relative = file.webkitRelativePath;
    if (relative) {
      if (wanted(relative)) out.push({ name: relative, file });
    } else out.push({ name: file.name, file });
  }
  return sortByName(out);
}

const sortByName = (files: Picked[]) => files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

/** Files dropped on the page, folders walked (entries API, where the browser has it). */
export async function fromDrop(data: DataTransfer): Promise<Picked[]> {
  const entries: FileSystemEntry[] = [];
  const plain: File[] = [];
  for (const item of data.items) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.();
    if (entry) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file) plain.push(file);
    }
  }
  const out: Picked[] = plain.map((file) => ({ name: file.name, file }));
  for (const entry of entries) {
    if (entry.isFile) out.push({ name: entry.name, file: await fileOf(entry as FileSystemFileEntry) });
    else await walk(entry as FileSystemDirectoryEntry, out);
  }
  return sortByName(out);
}

const fileOf = (entry: FileSystemFileEntry) => new Promise<File>((resolve, reject) => entry.file(resolve, reject));

async function walk(folder: FileSystemDirectoryEntry, out: Picked[]): Promise<void> {
  const reader = folder.createReader();
  // readEntries gives at most 100 entries a call: read until it gives none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return;
    for (const entry of batch) {
      const path = entry.fullPath.replace(/^\//, '');
      if (entry.isDirectory) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules')
          await walk(entry as FileSystemDirectoryEntry, out);
      } else if (wanted(path)) out.push({ name: path, file: await fileOf(entry as FileSystemFileEntry) });
    }
  }
}
