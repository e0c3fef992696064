/** Browser-mode page until the full UI lands: import by path, see files and figures. */
import { api } from './api/client';

const vi = new Intl.NumberFormat('vi-VN');
const root = document.getElementById('root')!;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

async function render(): Promise<void> {
  root.replaceChildren();
  const form = el('form');
  const input = el('input');
  input.type = 'text';
  input.placeholder = 'Đường dẫn tệp hoặc thư mục báo cáo trên máy này';
  const button = el('button', 'Nhập báo cáo');
  form.append(input, ' ', button);
  form.onsubmit = async (e) => {
    e.preventDefault();
    button.disabled = true;
    button.textContent = 'Đang nhập...';
    try { await api.importFiles({ paths: [input.value] }); } catch (err) { alert((err as Error).message); }
    await render();
  };
  root.append(form);
  const files = await api.listFiles({});
  const figures = await api.listFigures({});
  root.append(el('h3', `Tệp đã nhập: ${vi.format(files.filter((f) => f.outcome === 'imported').length)} — số liệu: ${vi.format(figures.length)}`));
  const table = el('table');
  table.append(row(['Tệp', 'Đơn vị', 'Kỳ', 'Kết quả'], 'th'));
  for (const f of files) {
    const r = row([f.name, f.unit ?? '', f.periods.join(', '), f.outcome === 'imported' ? 'Đã nhập' : f.error?.message ?? 'Từ chối'], 'td');
    if (f.outcome === 'rejected') r.className = 'rejected';
    table.append(r);
  }
  root.append(table);
}

function row(cells: string[], tag: 'td' | 'th'): HTMLTableRowElement {
  const tr = el('tr');
  for (const c of cells) tr.append(el(tag, c));
  return tr;
}

void render();
