/**
 * The CLI's bundle for the sources as they are, built once before any test runs the bin: otherwise
 * the first CLI test after an edit rebuilds it (and says so on stderr), and test files running
 * side by side would each start the same build.
 */
import path from 'node:path';

export default async function setup(): Promise<void> {
  const { ensureNodeBuild } = (await import(path.resolve(__dirname, '../scripts/build-node.mjs'))) as { ensureNodeBuild(opts: { quiet: boolean }): Promise<string> };
  await ensureNodeBuild({ quiet: true });
}
