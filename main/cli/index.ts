/**
 * The CLI: the same contract as the app, as commands. `npm run -s tonghop -- COMMAND ...`.
 * Exit 0 when a command ran (a rejected file is a result, not a failure); 2 for a usage error or
 * a store that cannot be opened.
 */
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { ZodError } from 'zod';
import { schemas } from '../../shared/api';
import type { Core } from '../core/api/create-api';
import { createApi } from '../core/api/create-api';
import { coreDeps } from '../app/core-deps';

const program = new Command('tonghop')
  .description('Tổng Hợp: nhập, đối chiếu và tổng hợp báo cáo của các đơn vị')
  .exitOverride()
  .showHelpAfterError();

/** `startReader`: for the import, whose parser then loads while the store opens. */
function withCore<T>(db: string, fn: (core: Core) => Promise<T>, startReader = false): Promise<T> {
  let core: Core;
  try {
    core = createApi({ ...coreDeps(), dbPath: db, startReader });
  } catch (err) {
    process.stderr.write(`Không mở được cơ sở dữ liệu “${db}”: ${(err as Error).message}\n`);
    process.exit(2);
  }
  return fn(core).finally(() => core.close());
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => { if (err.code === 'EPIPE') process.exit(0); throw err; });

const line = (o: unknown) => process.stdout.write(`${JSON.stringify(o)}\n`);

program.command('import')
  .description('nhập các tệp báo cáo (thư mục được đọc đệ quy)')
  .requiredOption('--db <path>', 'tệp cơ sở dữ liệu')
  .option('--json', 'mỗi tệp một dòng JSON')
  .option('--user <name>', 'người nhập')
  .option('--received-at <date>', 'ngày nhận báo cáo (YYYY-MM-DD); mặc định: hôm nay')
  .argument('<paths...>', 'tệp hoặc thư mục')
  .action(async (paths: string[], o: { db: string; json?: boolean; user?: string; receivedAt?: string }) => {
    const args = schemas.importFiles.parse({ paths, user: o.user, receivedAt: o.receivedAt });
    await withCore(o.db, async (core) => {
      const results = await core.importFiles(args);
      for (const r of results) {
        if (o.json) line({ file: r.file, status: r.status, figures: r.figures, unmapped: r.unmapped, error: r.error ? { code: r.error.code, message: r.error.message } : null });
        else process.stdout.write(`${{ imported: 'ĐÃ NHẬP', duplicate: 'TRÙNG  ', rejected: 'TỪ CHỐI' }[r.status]}  ${r.file}${r.status === 'imported' ? `  (${r.figures} số liệu${r.unmapped ? `, ${r.unmapped} dòng chưa khớp chỉ tiêu` : ''})` : ''}${r.error ? `\n         ${r.error.message}` : ''}\n`);
      }
      if (!o.json) {
        const n = (s: string) => results.filter((r) => r.status === s).length;
        process.stdout.write(`Tổng: ${results.length} tệp; đã nhập ${n('imported')}, trùng ${n('duplicate')}, từ chối ${n('rejected')}\n`);
      }
    }, true);
  });

program.command('figures')
  .description('liệt kê số liệu đã nhập')
  .requiredOption('--db <path>', 'tệp cơ sở dữ liệu')
  .option('--format <format>', 'jsonl', 'jsonl')
  .option('--all', 'kể cả số liệu của tệp đã được gửi lại thay thế')
  .option('--unit <code>', 'mã đơn vị')
  .option('--period <period>', 'kỳ, ví dụ 2023-03')
  .action(async (o: { db: string; all?: boolean; unit?: string; period?: string }) => {
    const args = schemas.listFigures.parse({ all: o.all, unit: o.unit, period: o.period });
    await withCore(o.db, async (core) => { for (const f of await core.listFigures(args)) line(f); });
  });

program.command('unmapped')
  .description('các nhãn chưa khớp chỉ tiêu, kèm gợi ý')
  .requiredOption('--db <path>', 'tệp cơ sở dữ liệu')
  .action(async (o: { db: string }) => {
    await withCore(o.db, async (core) => { for (const u of await core.listUnmapped({})) line(u); });
  });

program.command('map')
  .description('ghi nhận nhãn thuộc chỉ tiêu nào (dùng cho mọi lần nhập sau)')
  .requiredOption('--db <path>', 'tệp cơ sở dữ liệu')
  .requiredOption('--label <text>', 'nhãn như đã ghi trong báo cáo')
  .requiredOption('--indicator <code>', 'mã chỉ tiêu')
  .requiredOption('--user <name>', 'người xác nhận')
  .action(async (o: { db: string; label: string; indicator: string; user: string }) => {
    const args = schemas.mapLabel.parse({ label: o.label, indicator: o.indicator, user: o.user });
    await withCore(o.db, async (core) => line(await core.mapLabel(args)));
  });

program.command('units')
  .description('danh sách đơn vị (còn hiệu lực vào ngày --at)')
  .requiredOption('--db <path>', 'tệp cơ sở dữ liệu')
  .option('--at <date>', 'YYYY-MM-DD')
  .action(async (o: { db: string; at?: string }) => {
    const args = schemas.listUnits.parse({ at: o.at });
    await withCore(o.db, async (core) => { for (const u of await core.listUnits(args)) line(u); });
  });

program.command('files')
  .description('các tệp đã nhập hoặc bị từ chối')
  .requiredOption('--db <path>', 'tệp cơ sở dữ liệu')
  .action(async (o: { db: string }) => {
    await withCore(o.db, async (core) => { for (const f of await core.listFiles({})) line(f); });
  });

program.command('check')
  .description('chạy các quy tắc kiểm tra, in số cảnh báo theo quy tắc')
  .requiredOption('--db <path>', 'tệp cơ sở dữ liệu')
  .option('--json', 'in dạng JSON')
  .action(async (o: { db: string; json?: boolean }) => {
    await withCore(o.db, async (core) => {
      const s = await core.checkFlags({});
      if (o.json) return line(s);
      for (const r of s.rules) process.stdout.write(`${r.rule.padEnd(28)} ${String(r.open).padStart(6)} mở  ${String(r.resolved).padStart(6)} đã xử lý\n`);
      process.stdout.write(`Tổng: ${s.open} cảnh báo mở, ${s.resolved} đã xử lý (${s.millis} ms)\n`);
    });
  });

program.command('flags')
  .description('liệt kê cảnh báo, mỗi dòng một JSON')
  .requiredOption('--db <path>', 'tệp cơ sở dữ liệu')
  .option('--format <format>', 'jsonl', 'jsonl')
  .option('--status <status>', 'open | resolved')
  .option('--rule <rule>', 'quy tắc')
  .action(async (o: { db: string; status?: string; rule?: string }) => {
    const args = schemas.listFlags.parse({ status: o.status, rule: o.rule });
    await withCore(o.db, async (core) => {
      for (const f of await core.listFlags(args)) {
        line({ id: f.id, rule: f.rule, severity: f.severity, unit: f.unit, period: f.period, periods: f.periods, indicators: f.indicators,
          cells: f.figures.map((x) => ({ file: x.file, sheet: x.sheet, cell: x.cell })), message: f.message, status: f.status, ...(f.expected ? { expected: f.expected } : {}) });
      }
    });
  });

program.command('resolve')
  .description('xử lý một cảnh báo: chấp nhận, sửa số liệu hoặc chọn bản báo cáo')
  .requiredOption('--db <path>', 'tệp cơ sở dữ liệu')
  .requiredOption('--flag <id>', 'mã cảnh báo')
  .requiredOption('--action <action>', 'accept | correct | choose')
  .requiredOption('--reason <text>', 'lý do')
  .requiredOption('--user <name>', 'người xử lý')
  .option('--value <n>', 'giá trị mới (correct)')
  .option('--cell <cell>', 'ô cần sửa, nếu cảnh báo có nhiều số liệu (correct)')
  .option('--file <name>', 'tệp được chọn (choose)')
  .action(async (o: { db: string; flag: string; action: string; reason: string; user: string; value?: string; cell?: string; file?: string }) => {
    const args = schemas.resolveFlag.parse({ flagId: o.flag, action: o.action, reason: o.reason, user: o.user, value: o.value === undefined ? undefined : Number(o.value.replace(',', '.')), cell: o.cell, file: o.file });
    await withCore(o.db, async (core) => {
      const r = await core.resolveFlag(args);
      line({ flag: r.flag ? { id: r.flag.id, status: r.flag.status, message: r.flag.message } : null, open: r.summary.open, resolved: r.summary.resolved });
    });
  });

program.command('export')
  .description('xuất báo cáo tổng hợp (.xlsx) theo kỳ')
  .requiredOption('--db <path>', 'tệp cơ sở dữ liệu')
  .requiredOption('--period <period>', '2023-06 | 2023-Q2 | 2023-H1 | 2023-9M | 2023')
  .option('--layout <layout>', 'units | periods', 'units')
  .option('--unit <code>', 'đơn vị (mẫu theo kỳ); bỏ trống: toàn tỉnh')
  .option('--strict', 'không xuất khi còn cảnh báo chưa xử lý')
  .option('--under-units-at <date>', 'cộng đơn vị cũ vào đơn vị kế thừa theo danh mục tại ngày này')
  .requiredOption('--out <file>', 'tệp .xlsx')
  .action(async (o: { db: string; period: string; layout: string; unit?: string; strict?: boolean; underUnitsAt?: string; out: string }) => {
    const args = schemas.exportWorkbook.parse({ period: o.period, layout: o.layout, unit: o.unit, strict: o.strict, underUnitsAt: o.underUnitsAt, out: path.resolve(o.out) });
    await withCore(o.db, async (core) => {
      const r = await core.exportWorkbook(args);
      process.stdout.write(`Đã xuất ${r.path}: ${r.sheets.join(', ')}; ${r.cells} ô số liệu, ${r.formulas} công thức\n`);
    });
  });

program.command('audit')
  .description('nhật ký thay đổi (chỉ ghi thêm)')
  .requiredOption('--db <path>', 'tệp cơ sở dữ liệu')
  .option('--format <format>', 'jsonl', 'jsonl')
  .action(async (o: { db: string }) => {
    await withCore(o.db, async (core) => { for (const a of await core.listAudit({})) line(a); });
  });

program.command('assign')
  .description('nhập lại một tệp bị giữ lại vì không xác định được kỳ hoặc đơn vị, với kỳ/đơn vị do người dùng chỉ ra')
  .requiredOption('--db <path>', 'tệp cơ sở dữ liệu')
  .requiredOption('--file <name>', 'tên tệp (như trong danh sách tệp)')
  .option('--period <period>', 'kỳ báo cáo: 2024-03, 2024-Q1, 2024-H1, 2024-9M, 2024')
  .option('--unit <code>', 'mã đơn vị')
  .requiredOption('--user <name>', 'người chỉ ra')
  .action(async (o: { db: string; file: string; period?: string; unit?: string; user: string }) => {
    if (!o.period && !o.unit) throw new Error('Cần --period hoặc --unit');
    await withCore(o.db, async (core) => {
      const r = o.period
        ? await core.assignPeriod(schemas.assignPeriod.parse({ file: o.file, period: o.period, unit: o.unit, user: o.user }))
        : await core.assignUnit(schemas.assignUnit.parse({ file: o.file, unit: o.unit, user: o.user }));
      line({ file: r.file, status: r.status, unit: r.unit ?? null, periods: r.periods ?? [], figures: r.figures, error: r.error ? { code: r.error.code, message: r.error.message } : null });
    });
  });

// The catalog as the office's data: every change on the audit log, under the user's name.
const indicators = program.command('indicators').description('danh mục chỉ tiêu: xem, thêm, thêm tên gọi khác, quan hệ, đổi tên, thôi dùng');
const catalogChange = (name: string, description: string) => indicators.command(name).description(description)
  .requiredOption('--db <path>', 'tệp cơ sở dữ liệu').requiredOption('--user <name>', 'người thay đổi');
indicators.command('list').description('các chỉ tiêu đang dùng, mỗi chỉ tiêu một dòng JSON').requiredOption('--db <path>', 'tệp cơ sở dữ liệu')
  .action(async (o: { db: string }) => { await withCore(o.db, async (core) => { for (const i of await core.listIndicators({})) line(i); }); });
catalogChange('add', 'thêm chỉ tiêu').requiredOption('--code <code>', 'mã (chữ in hoa)').requiredOption('--name <name>', 'tên chỉ tiêu')
  .requiredOption('--unit <unit>', 'đơn vị tính').requiredOption('--kind <kind>', 'flow|stock|plan|rate').requiredOption('--group <code>', 'mã nhóm')
  .option('--group-name <name>', 'tên nhóm, khi nhóm mới').option('--parent <code>', 'chỉ tiêu cha (dòng “trong đó”)')
  .option('--alias <name...>', 'tên gọi khác')
  .action(async (o: { db: string; user: string; code: string; name: string; unit: string; kind: string; group: string; groupName?: string; parent?: string; alias?: string[] }) => {
    const args = schemas.addIndicator.parse({ code: o.code, name: o.name, unit: o.unit, kind: o.kind, group: o.group, groupName: o.groupName, parent: o.parent, aliases: o.alias, user: o.user });
    await withCore(o.db, async (core) => line(await core.addIndicator(args)));
  });
catalogChange('alias', 'thêm tên gọi khác cho chỉ tiêu').requiredOption('--code <code>', 'mã chỉ tiêu').requiredOption('--alias <name>', 'tên gọi khác')
  .action(async (o: { db: string; user: string; code: string; alias: string }) => {
    const args = schemas.aliasIndicator.parse({ code: o.code, alias: o.alias, user: o.user });
    await withCore(o.db, async (core) => line(await core.aliasIndicator(args)));
  });
catalogChange('relate', 'thêm quan hệ giữa các chỉ tiêu').requiredOption('--rule <rule>', 'child_exceeds_parent|plan_exceeded|participants_lt_sessions|parts_exceed_total|sum_mismatch|rate_mismatch')
  .option('--child <code>').option('--parent <code>').option('--measure <measure>', 'period|ytd').option('--total <code>').option('--parts <codes...>')
  .option('--rate <code>').option('--numerator <code>').option('--denominator <code>')
  .action(async (o: { db: string; user: string; rule: string; child?: string; parent?: string; measure?: string; total?: string; parts?: string[]; rate?: string; numerator?: string; denominator?: string }) => {
    const { db, user, ...relation } = o;
    const args = schemas.relateIndicators.parse({ relation, user });
    await withCore(db, async (core) => line(await core.relateIndicators(args)));
  });
catalogChange('rename', 'đổi tên chỉ tiêu').requiredOption('--code <code>', 'mã chỉ tiêu').requiredOption('--name <name>', 'tên mới')
  .action(async (o: { db: string; user: string; code: string; name: string }) => {
    const args = schemas.renameIndicator.parse({ code: o.code, name: o.name, user: o.user });
    await withCore(o.db, async (core) => line(await core.renameIndicator(args)));
  });
catalogChange('retire', 'thôi dùng chỉ tiêu (số liệu cũ vẫn giữ)').requiredOption('--code <code>', 'mã chỉ tiêu').requiredOption('--reason <text>', 'lý do')
  .action(async (o: { db: string; user: string; code: string; reason: string }) => {
    const args = schemas.retireIndicator.parse({ code: o.code, reason: o.reason, user: o.user });
    await withCore(o.db, async (core) => line(await core.retireIndicator(args)));
  });

program.command('inspect')
  .description('xem trước: mỗi ô số liệu của mỗi bảng nhận ra được một dòng JSON; không lưu gì')
  .option('--format <format>', 'jsonl', 'jsonl')
  .option('--db <path>', 'dùng các ánh xạ nhãn đã xác nhận trong cơ sở dữ liệu này (không ghi vào đó)')
  .argument('<files...>', 'tệp báo cáo')
  .action(async (files: string[], o: { db?: string }) => {
    const args = schemas.inspectFiles.parse({ paths: files.map((f) => path.resolve(f)) });
    // Without --db: a store in memory, so nothing is written anywhere.
    await withCore(o.db ?? ':memory:', async (core) => {
      for (const f of await core.inspectFiles(args)) {
        if (f.error) process.stderr.write(`${f.error}\n`);
        for (const l of f.lines) line(l);
      }
    });
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof CommanderError) process.exit(err.exitCode === 0 ? 0 : 2);
  if (err instanceof ZodError) process.stderr.write(`Tham số không hợp lệ: ${err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}\n`);
  else process.stderr.write(`${(err as Error).message}\n`);
  process.exit(2);
});
