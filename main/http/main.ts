/** Browser mode entry: the store in the data folder, the UI and the contract on 127.0.0.1. */
import fs from 'node:fs';
import path from 'node:path';
import { createApi } from '../core/api/create-api';
import { coreDeps } from '../app/core-deps';
import { dataDir } from '../app/data-dir';
import { serve } from './serve';

const dir = dataDir();
fs.mkdirSync(dir, { recursive: true });
const core = createApi({ ...coreDeps(), dbPath: path.join(dir, 'tonghop.db'), startReader: true, checkInWorker: true });
const staticDir = process.env.TONGHOP_STATIC_DIR ?? path.resolve(process.cwd(), 'dist/renderer');
const port = Number(process.env.TONGHOP_PORT ?? 0);
const server = await serve({ api: core, staticDir, port });
process.stdout.write(`Tổng Hợp đang chạy ở chế độ trình duyệt: ${server.url}\nDữ liệu: ${dir}\n`);
const stop = async () => { await server.close(); await core.close(); process.exit(0); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
