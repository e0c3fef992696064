/** Browser mode entry: the store in the data folder, the UI and the contract on 127.0.0.1. */
import fs from 'node:fs';
import path from 'node:path';
import { openAppCore } from '../core/api/app-core';
import { backupDays, coreDeps, sharedStore } from '../app/core-deps';
import { dataDir } from '../app/data-dir';
import { quietDependencyWarnings } from '../app/quiet-dependency-warnings';
import { newSecret } from './guard';
import { serve } from './serve';

quietDependencyWarnings();
const dir = dataDir();
fs.mkdirSync(dir, { recursive: true });
// The real store, and the demo store when asked for; today's backup made once, at start.
const core = openAppCore({ dataDir: dir, store: sharedStore(dir), deps: { ...coreDeps(), startReader: true, checkInWorker: true }, keepDays: backupDays() });
await core.dailyBackup().catch((err: unknown) => process.stderr.write(`Không sao lưu tự động được: ${(err as Error).message}\n`));
const staticDir = process.env.TONGHOP_STATIC_DIR ?? path.resolve(process.cwd(), 'dist/renderer');
const port = Number(process.env.TONGHOP_PORT ?? 0);
// A new secret each launch, carried only in the printed address: no other program or page knows it.
const server = await serve({ api: core, staticDir, port, secret: newSecret() });
process.stdout.write(`Tổng Hợp đang chạy ở chế độ trình duyệt: ${server.openUrl}\nDữ liệu: ${dir}\n`);
const stop = async () => { await server.close(); await core.close(); process.exit(0); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
