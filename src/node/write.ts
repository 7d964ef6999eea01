import { chmod, rename, rm, writeFile } from 'node:fs/promises';

/**
 * Writes a file through a temporary file beside it and a rename, so a crash never leaves
 * a half-written output behind. The folder must exist (the caller planned it). `mode`:
 * the permissions of the file it replaces.
 */
export async function writeAtomic(path: string, content: string | Uint8Array, mode?: number): Promise<void> {
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temporary, content, { flag: 'wx', ...(mode === undefined ? {} : { mode }) });
    if (mode !== undefined) await chmod(temporary, mode); // not narrowed by the umask
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
