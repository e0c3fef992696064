/** No path to write crosses IPC either: the window saves through its dialog, never via `out`. */
import { describe, expect, it, vi } from 'vitest';
import type { Api } from '../../../shared/api';
import { createCallHandler } from '../../../main/electron/ipc';
import type { CallEvent } from '../../../main/electron/ipc';

const PAGE = 'file:///app/dist/renderer/index.html';
const main = { url: PAGE, parent: null };
const own: CallEvent = { sender: { id: 7, mainFrame: main }, senderFrame: main };

describe('IPC and paths to write', () => {
  it('refuses exportWorkbook with an out path from our own window, and never calls the core', async () => {
    const exportWorkbook = vi.fn(async () => ({ fileName: 'x.xlsx', path: null, base64: '', sheets: [], cells: 0, formulas: 0 }));
    const handler = createCallHandler({ exportWorkbook } as unknown as Api, () => ({ webContentsId: 7, pageUrl: PAGE }));
    const refused = await handler(own, 'exportWorkbook', { period: '2023-06', out: 'C:\\Windows\\evil.xlsx' });
    expect(refused).toEqual({ ok: false, error: { code: 'forbidden-argument', message: 'Nơi lưu tệp: không được phép ở đây', issues: [{ field: 'out', kind: 'not-allowed' }] } });
    expect(exportWorkbook).not.toHaveBeenCalled();
    expect(await handler(own, 'exportWorkbook', { period: '2023-06' })).toMatchObject({ ok: true });
    expect(exportWorkbook).toHaveBeenCalledTimes(1);
  });
});
