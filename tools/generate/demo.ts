/** "Dùng dữ liệu mẫu": a demo quarter of returns from the project's own generator, written beside the store. */
import path from 'node:path';
import { generate, writeGenerated } from './generate';
import { ngheAnDistricts } from './units';

/** Writes the demo returns into `dir` and gives their paths (answer key left out). */
export async function writeDemoReturns(dir: string): Promise<string[]> {
  const gen = generate({ units: ngheAnDistricts(), year: 2023, months: [1, 2, 3], seed: 2023 });
  await writeGenerated(gen, dir);
  return gen.files.map((f) => path.join(dir, f.name));
}
