/**
 * Files and folders -> the files of a batch, in the order they arrived: a folder is read
 * recursively; within a batch a file marked as a correction ("sửa lại", "bổ sung", "lần 2")
 * comes after the others, so it supersedes the original it corrects.
 */
import fs from 'node:fs';
import path from 'node:path';
import { foldCase, stripDiacritics } from '../text/clean-text';

const REVISION = /\b(sua lai|sua doi|chinh sua|dieu chinh|bo sung|cap nhat|thay the|lan [2-9]|v[2-9]|ban moi|moi nhat|final)\b|\(\d\)/;

export function revisionRank(name: string): number {
  return REVISION.test(stripDiacritics(foldCase(name))) ? 1 : 0;
}

export function collectFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const e of fs.readdirSync(p)) if (!e.startsWith('~$') && !e.startsWith('.')) walk(path.join(p, e));
    } else if (st.isFile()) {
      out.push(p);
    }
  };
  for (const p of paths) walk(p);
  return out
    .map((p) => ({ p, rank: revisionRank(path.basename(p)), mtime: fs.statSync(p).mtimeMs }))
    .sort((a, b) => a.rank - b.rank || a.mtime - b.mtime || a.p.localeCompare(b.p))
    .map((x) => x.p);
}
