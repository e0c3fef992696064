/**
 * The CLI: the same contract as the app, as commands. `npm run -s tonghop -- COMMAND ...`.
 * Exit 0 when a command ran (a rejected file is a result, not a failure); 2 for a usage error or
 * a store that cannot be opened.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { ZodError } from 'zod';
import type { Method } from '../../shared/api';
import { methods, schemas } from '../../shared/api';
import { dispatch } from '../http/dispatch';
import type { EdgeSession } from '../core/api/access';
import { authorize } from '../core/api/access';
import { describeIssues, fieldIssues } from '../../shared/field-issues';
import type { Core } from '../core/api/create-api';
import { createApi } from '../core/api/create-api';
import { parseNumberText } from '../core/recognise/parse-number';
import { coreDeps } from '../app/core-deps';
import { quietDependencyWarnings } from '../app/quiet-dependency-warnings';
import { backupTo, checkBackup, replaceStore } from '../core/store/backup';
import { checkRoleName, grantAppRole } from '../core/store/postgres/app-role';
import { collationWarning } from '../core/store/postgres/collation';
import { copyStore } from '../core/store/copy-store';
import { takeInArchive } from '../core/ingest/take-in-archive';
import { isPostgresUrl, shownStore } from '../core/store/db';
import { openDb } from '../core/store/open-db';
import { knownMigrations } from '../core/store/migrate';
import { appendAudit } from '../core/store/queries/audit';
import { timedAsync } from '../core/phase-times';
import { phaseReport } from './print-phases';

// Everything imported above has loaded by now: the end of start-up in the phase report.
const loadedAt = performance.now();
if (process.env.TONGHOP_PHASES === '1') process.on('exit', () => process.stderr.write(phaseReport(loadedAt)));
import { wordMessage, type Message } from '../../shared/messages';

quietDependencyWarnings();

const program = new Command('tonghop')
  .description('Tổng Hợp: nhập, đối chiếu và tổng hợp báo cáo của các đơn vị')
  .option('--lang <lang>', 'ngôn ngữ của thông báo: vi | en', 'vi')
  .option('--login <name>', 'đăng nhập (khi cơ sở dữ liệu có tài khoản); mật khẩu lấy từ TONGHOP_PASSWORD hoặc được hỏi')
  .exitOverride()
  .showHelpAfterError();

/** A message the core sent as data, worded in the language asked for (--lang); else its Vietnamese words. */
const say = (text: Message | null | undefined, vietnamese: string): string =>
  text ? wordMessage(text, program.opts<{ lang?: string }>().lang === 'en' ? 'en' : 'vi') : vietnamese;

/** `startReader`: for the import, whose parser then loads while the store opens. */
function withCore<T>(db: string, fn: (core: Core) => Promise<T>, startReader = false, asPerson = true): Promise<T> {
  let core: Core;
  try {
    core = createApi({ ...coreDeps(), dbPath: db, startReader });
  } catch (err) {
    process.stderr.write(`Không mở được cơ sở dữ liệu “${shownStore(db)}”: ${(err as Error).message}\n`);
    process.exit(2);
  }
  return (asPerson ? signedIn(core) : Promise.resolve({ login: null })).then((session) => fn(asPerson ? guarded(core, session) : core)).finally(() => timedAsync('closing the store', () => core.close()));
}

const loginOption = () => program.opts<{ login?: string }>().login;

/** Where --login is given, `--user` may be left out: the signed-in person is recorded whatever it says. */
const SIGNED_IN = '(người đăng nhập)';
const userArg = (user: string | undefined) => user ?? (loginOption() ? SIGNED_IN : undefined);

/** The run's sign-in: --login with its password (TONGHOP_PASSWORD, else asked on stdin), or nobody. */
async function signedIn(core: Core): Promise<EdgeSession> {
  const session: EdgeSession = { login: null };
  const login = loginOption();
  if (login === undefined) return session;
  const r = await dispatch(core, 'signIn', { login, password: await readPassword() }, 'trusted', session);
  if (!r.ok) throw new Error(r.error.message);
  return session;
}

/** The password, never echoed: from TONGHOP_PASSWORD, else one line typed (or piped) on stdin. */
function readPassword(): Promise<string> {
  if (process.env.TONGHOP_PASSWORD !== undefined) return Promise.resolve(process.env.TONGHOP_PASSWORD);
  process.stderr.write('Mật khẩu: ');
  const stdin = process.stdin;
  return new Promise((resolve) => {
    let typed = '';
    const done = () => {
      stdin.off('data', onData);
      if (stdin.isTTY) stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      resolve(typed);
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') { process.stderr.write('\n'); process.exit(130); }
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    if (stdin.isTTY) stdin.setRawMode(true);
    stdin.on('data', onData);
    stdin.once('end', done);
    stdin.resume();
  });
}

/**
 * The core as this run may use it: every call through dispatch, as the app's edges do, so the
 * store's accounts decide what the signed-in person may do and the audit log records them.
 */
function guarded(core: Core, session: EdgeSession): Core {
  const call = (m: Method) => async (args: unknown) => {
    const r = await dispatch(core, m, args, 'trusted', session);
    if (!r.ok) throw new Error(r.error.code === 'sign-in-required' ? `${r.error.message} (dòng lệnh: --login TÊN, mật khẩu trong TONGHOP_PASSWORD hoặc gõ khi được hỏi)` : r.error.message);
    return r.value;
  };
  const api = Object.fromEntries(methods.map((m) => [m, call(m)])) as unknown as Core;
  return Object.assign(api, { db: core.db, gate: core.gate, close: () => core.close(), session });
}

/** For the commands that work on the store outside the contract (backup, restore): the same role as their method. */
function permit(core: Core, method: Method, user?: string): string | undefined {
  const r = authorize(core.gate, (core as Core & { session: EdgeSession }).session, method, { user });
  if (!r.ok) throw new Error(r.refusal.message);
  return (r.args as { user?: string }).user;
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => { if (err.code === 'EPIPE') process.exit(0); throw err; });

const line = (o: unknown) => process.stdout.write(`${JSON.stringify(o)}\n`);

/** A value typed the Vietnamese way ("1.234", "23,7"); anything else is refused, never guessed. */
function typedValue(text: string): number {
  const n = parseNumberText(text);
  if (n.kind !== 'number' || n.unit || n.approx || n.dash) throw new Error(`Giá trị “${text}” không phải là một số (viết kiểu 1.234 hoặc 23,7)`);
  return n.value;
}

program.command('import')
  .description('nhập các tệp báo cáo (thư mục được đọc đệ quy)')
  .requiredOption('--db <path>', 'tệp cơ sở dữ liệu')
  .option('--json', 'mỗi tệp một dòng JSON')
  .option('--user <name>', 'người nhập')
  .option('--received-at <date>', 'ngày nhận báo cáo (YYYY-MM-DD); mặc định: hôm nay')
  .argument('<paths...>', 'tệp hoặc thư mục')
  .action(async (paths: string[], o: { db: string; json?: boolean; user?: string; receivedAt?: string }) => {
    const args = schemas.importFiles.parse({ paths, user: userArg(o.user), receivedAt: o.receivedAt });
    await withCore(o.db, async (core) => {
      const results = await core.importFiles(args);
      for (const r of results) {
        if (o.json) line({ file: r.file, status: r.status, figures: r.figures, unmapped: r.unmapped, error: r.error ? { code: r.error.code, message: say(r.error.text, r.error.message) } : null });
        else process.stdout.write(`${{ imported: 'ĐÃ NHẬP', duplicate: 'TRÙNG  ', rejected: 'TỪ CHỐI', held: 'GIỮ LẠI', skipped: 'BỎ QUA ' }[r.status]}  ${r.file}${r.status === 'imported' ? `  (${r.figures} số liệu${r.unmapped ? `, ${r.unmapped} dòng chưa khớp chỉ tiêu` : ''})` : ''}${r.error ? `\n         ${say(r.error.text, r.error.message)}` : ''}\n`);
      }
      if (!o.json) {
        const n = (s: string) => results.filter((r) => r.status === s).length;
        process.stdout.write(`Tổng: ${results.length} tệp; đã nhập ${n('imported')}, trùng ${n('duplicate')}, từ chối ${n('rejected')}${n('held') ? `, giữ lại ${n('held')}` : ''}${n('skipped') ? `, bỏ qua ${n('skipped')} tệp không phải bảng tính` : ''}\n`);
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
  .option('--indicator <code...>', 'chỉ số liệu của các chỉ tiêu này (tối đa 3 mã)')
  .action(async (o: { db: string; all?: boolean; unit?: string; period?: string; indicator?: string[] }) => {
    const args = schemas.listFigures.parse({ all: o.all, unit: o.unit, period: o.period, indicators: o.indicator });
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
  .option('--user <name>', 'người xác nhận')
  .action(async (o: { db: string; label: string; indicator: string; user: string }) => {
    const args = schemas.mapLabel.parse({ label: o.label, indicator: o.indicator, user: userArg(o.user) });
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
          cells: f.figures.map((x) => ({ file: x.file, sheet: x.sheet, cell: x.cell })), message: say(f.text, f.message), ...(f.text ? { messageCode: f.text.code, params: f.text.params } : {}), status: f.status, ...(f.expected ? { expected: f.expected } : {}) });
      }
    });
  });

program.command('resolve')
  .description('xử lý một cảnh báo: chấp nhận, sửa số liệu hoặc chọn bản báo cáo')
  .requiredOption('--db <path>', 'tệp cơ sở dữ liệu')
  .requiredOption('--flag <id>', 'mã cảnh báo')
  .requiredOption('--action <action>', 'accept | correct | choose')
  .requiredOption('--reason <text>', 'lý do')
  .option('--user <name>', 'người xử lý')
  .option('--value <n>', 'giá trị mới (correct)')
  .option('--cell <cell>', 'ô cần sửa, nếu cảnh báo có nhiều số liệu (correct)')
  .option('--file <name>', 'tệp được chọn (choose)')
  .action(async (o: { db: string; flag: string; action: string; reason: string; user: string; value?: string; cell?: string; file?: string }) => {
    const args = schemas.resolveFlag.parse({ flagId: o.flag, action: o.action, reason: o.reason, user: userArg(o.user), value: o.value === undefined ? undefined : Number(o.value.replace(',', '.')), cell: o.cell, file: o.file });
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

program.command('setup')
  .description('thiết lập của đơn vị: tỉnh, cơ quan chủ quản, cơ quan ban hành, địa danh, người ký (không tham số: in thiết lập hiện tại)')
  .requiredOption('--db <path>', 'tệp cơ sở dữ liệu')
  .option('--province <code>', 'mã tỉnh, thành phố (2 chữ số, ví dụ 40 = Nghệ An)')
  .option('--agency <text>', 'cơ quan chủ quản, ví dụ “CÔNG AN TỈNH NGHỆ AN”')
  .option('--office <text>', 'cơ quan ban hành, ví dụ “PHÒNG THAM MƯU”')
  .option('--place <text>', 'địa danh ở dòng ngày tháng')
  .option('--signer-authority <text>', 'dòng thẩm quyền ký, ví dụ “TL. GIÁM ĐỐC”')
  .option('--signer-title <text>', 'chức vụ người ký')
  .option('--signer <text>', 'họ tên người ký')
  .option('--preparer <text>', 'họ tên người lập biểu')
  .option('--recipient <text...>', '“Nơi nhận”, mỗi dòng một lần')
  .option('--user <name>', 'người thiết lập', 'dòng lệnh')
  .action(async (o: { db: string; province?: string; agency?: string; office?: string; place?: string; signerAuthority?: string; signerTitle?: string; signer?: string; preparer?: string; recipient?: string[]; user: string }) => {
    await withCore(o.db, async (core) => {
      if (!o.province) {
        const s = await core.getSetup({});
        return line({ configured: s.configured, setup: s.setup, proposed: s.proposed });
      }
      const args = schemas.saveSetup.parse({ province: o.province, agency: o.agency, office: o.office, place: o.place, signerAuthority: o.signerAuthority, signerTitle: o.signerTitle, signer: o.signer, preparer: o.preparer, recipients: o.recipient, user: userArg(o.user) });
      const s = await core.saveSetup(args);
      line({ configured: s.configured, setup: s.setup });
    });
  });

program.command('enter')
  .description('nhập tay một số liệu của đơn vị từ giấy, điện thoại, fax hoặc công văn')
  .requiredOption('--db <path>', 'tệp cơ sở dữ liệu')
  .requiredOption('--unit <code>', 'mã đơn vị')
  .requiredOption('--period <period>', 'tháng, ví dụ 2023-06')
  .requiredOption('--indicator <code>', 'mã chỉ tiêu')
  .requiredOption('--measure <measure>', 'period (trong kỳ) | ytd (lũy kế)')
  .requiredOption('--value <n>', 'giá trị, viết kiểu Việt Nam (1.234 hoặc 23,7)')
  .requiredOption('--source <kind>', 'paper | phone | fax | letter')
  .requiredOption('--ref <text>', 'số hiệu hoặc ghi chú của nguồn')
  .option('--user <name>', 'người nhập')
  .option('--subunit <name>', 'xã, phường, thị trấn (số liệu của xã)')
  .option('--received-at <date>', 'ngày nhận (YYYY-MM-DD); mặc định: hôm nay')
  .option('--reason <text>', 'lý do, khi sửa số liệu đã nhập')
  .action(async (o: { db: string; unit: string; period: string; indicator: string; measure: string; value: string; source: string; ref: string; user: string; subunit?: string; receivedAt?: string; reason?: string }) => {
    const value = typedValue(o.value);
    const args = schemas.enterFigures.parse({ unit: o.unit, period: o.period, source: o.source, ref: o.ref, user: userArg(o.user), receivedAt: o.receivedAt, reason: o.reason,
      figures: [{ indicator: o.indicator, measure: o.measure, value, subunit: o.subunit ?? null, raw: o.value }] });
    await withCore(o.db, async (core) => line(await core.enterFigures(args)));
  });

program.command('approve')
  .description('duyệt và khóa số liệu của đơn vị (hoặc toàn tỉnh, khi không có --unit) trong kỳ')
  .requiredOption('--db <path>', 'tệp cơ sở dữ liệu')
  .option('--unit <code>', 'mã đơn vị; bỏ trống: toàn tỉnh')
  .requiredOption('--period <period>', 'kỳ, ví dụ 2023-06')
  .option('--user <name>', 'người duyệt')
  .option('--reason <text>', 'lý do (bắt buộc khi còn cảnh báo chưa xử lý)')
  .action(async (o: { db: string; unit?: string; period: string; user: string; reason?: string }) => {
    const args = schemas.approvePeriod.parse({ unit: o.unit, period: o.period, user: userArg(o.user), reason: o.reason });
    await withCore(o.db, async (core) => line(await core.approvePeriod(args)));
  });

program.command('unlock')
  .description('mở khóa số liệu đã duyệt (cần lý do)')
  .requiredOption('--db <path>', 'tệp cơ sở dữ liệu')
  .option('--unit <code>', 'mã đơn vị; bỏ trống: toàn tỉnh')
  .requiredOption('--period <period>', 'kỳ, ví dụ 2023-06')
  .option('--user <name>', 'người mở khóa')
  .requiredOption('--reason <text>', 'lý do')
  .action(async (o: { db: string; unit?: string; period: string; user: string; reason: string }) => {
    const args = schemas.unlockPeriod.parse({ unit: o.unit, period: o.period, user: userArg(o.user), reason: o.reason });
    await withCore(o.db, async (core) => line(await core.unlockPeriod(args)));
  });

program.command('take-in')
  .description('tiếp nhận một báo cáo bị giữ lại (kỳ đã khóa); mã tệp xem bằng lệnh files')
  .requiredOption('--db <path>', 'tệp cơ sở dữ liệu')
  .requiredOption('--file <id>', 'mã tệp')
  .option('--user <name>', 'người tiếp nhận')
  .requiredOption('--reason <text>', 'lý do')
  .action(async (o: { db: string; file: string; user: string; reason: string }) => {
    const args = schemas.takeIn.parse({ fileId: Number(o.file), user: userArg(o.user), reason: o.reason });
    await withCore(o.db, async (core) => line(await core.takeIn(args)));
  });

program.command('received')
  .description('ghi ngày nhận của một báo cáo đã nhập; mã tệp xem bằng lệnh files')
  .requiredOption('--db <path>', 'tệp cơ sở dữ liệu')
  .requiredOption('--file <id>', 'mã tệp')
  .requiredOption('--date <date>', 'YYYY-MM-DD')
  .option('--user <name>', 'người ghi')
  .option('--reason <text>', 'lý do')
  .action(async (o: { db: string; file: string; date: string; user: string; reason?: string }) => {
    const args = schemas.setReceivedAt.parse({ fileId: Number(o.file), receivedAt: o.date, user: userArg(o.user), reason: o.reason });
    await withCore(o.db, async (core) => line(await core.setReceivedAt(args)));
  });

program.command('audit')
  .description('nhật ký thay đổi (chỉ ghi thêm); --verify: kiểm tra chuỗi băm và các bảng quyết định')
  .requiredOption('--db <path>', 'tệp cơ sở dữ liệu')
  .option('--format <format>', 'jsonl', 'jsonl')
  .option('--verify', 'kiểm tra tính toàn vẹn: mã thoát 0 khi khớp, 1 và mục đầu tiên không khớp khi không')
  .action(async (o: { db: string; verify?: boolean }) => {
    await withCore(o.db, async (core) => {
      if (!o.verify) { for (const a of await core.listAudit({})) line(a); return; }
      const r = await core.verifyAudit({});
      if (r.ok) { process.stdout.write(`Nhật ký toàn vẹn: ${r.entries} mục, đã kiểm tra\n`); return; }
      process.stdout.write(`Nhật ký KHÔNG toàn vẹn${r.brokenEntry !== null ? ` từ mục #${r.brokenEntry}` : ''}: ${r.message ?? ''}\n`);
      process.exitCode = 1;
    });
  });

program.command('reopen')
  .description('mở lại một cảnh báo đã xử lý, kèm lý do (được ghi vào nhật ký)')
  .requiredOption('--db <path>', 'tệp cơ sở dữ liệu')
  .requiredOption('--flag <id>', 'mã cảnh báo')
  .requiredOption('--reason <text>', 'lý do mở lại')
  .option('--user <name>', 'người mở lại')
  .action(async (o: { db: string; flag: string; reason: string; user: string }) => {
    const args = schemas.reopenFlag.parse({ flagId: o.flag, reason: o.reason, user: userArg(o.user) });
    await withCore(o.db, async (core) => {
      const r = await core.reopenFlag(args);
      line({ flag: r.flag ? { id: r.flag.id, status: r.flag.status, message: r.flag.message } : null, open: r.summary.open, resolved: r.summary.resolved });
    });
  });

program.command('backup')
  .description('sao lưu cơ sở dữ liệu (được cả khi ứng dụng đang mở nó)')
  .requiredOption('--db <path>', 'tệp cơ sở dữ liệu')
  .requiredOption('--out <file>', 'tệp sao lưu')
  .action(async (o: { db: string; out: string }) => {
    if (!isPostgresUrl(o.db) && !fs.existsSync(o.db)) throw new Error(`Không tìm thấy cơ sở dữ liệu “${o.db}”`);
    const out = path.resolve(o.out);
    await withCore(o.db, async (core) => { permit(core, 'backupNow'); await backupTo(core.db, out, coreDeps().migrationsDir); });
    const check = checkBackup(out, knownMigrations(coreDeps().migrationsDir));
    if (!check.ok) throw new Error(check.message);
    process.stdout.write(`Đã sao lưu vào ${out} (${check.auditEntries} mục nhật ký)\n`);
  });

program.command('restore')
  .description('khôi phục cơ sở dữ liệu từ một bản sao lưu, sau khi kiểm tra bản đó')
  .requiredOption('--db <path>', 'tệp cơ sở dữ liệu (ứng dụng phải đang đóng)')
  .requiredOption('--from <file>', 'tệp sao lưu')
  .option('--user <name>', 'người khôi phục')
  .action(async (o: { db: string; from: string; user?: string }) => {
    let { user } = schemas.backupNow.parse({ user: userArg(o.user) });
    const check = checkBackup(path.resolve(o.from), knownMigrations(coreDeps().migrationsDir));
    if (!check.ok) throw new Error(`${check.message}; cơ sở dữ liệu “${o.db}” vẫn giữ nguyên`);
    // A shared store's decisions cannot be overwritten: the backup goes into a new, empty database (no one's accounts yet).
    if (isPostgresUrl(o.db)) copyInto(path.resolve(o.from), o.db);
    else {
      // Who may restore is the store's to say as it stands, before the backup (and its accounts) replace it.
      if (fs.existsSync(o.db)) user = await withCore(o.db, async (core) => permit(core, 'restoreBackup', user) ?? user);
      replaceStore(path.resolve(o.db), path.resolve(o.from));
    }
    return withCore(o.db, async (core) => {
      appendAudit(core.db, { at: new Date().toISOString(), user, action: 'restore', target: path.basename(o.from), oldValue: null, newValue: null, reason: `${check.auditEntries} mục nhật ký trong bản sao lưu` });
      process.stdout.write(`Đã khôi phục “${o.db}” từ ${o.from} (${check.auditEntries} mục nhật ký)\n`);
    }, false, false);
  });

/** Copies the store at `from` whole into the new, empty store at `to`, verified; prints what it copied. */
function copyInto(from: string, to: string): void {
  const { migrationsDir } = coreDeps();
  const src = openDb(from, { migrationsDir, readonly: !isPostgresUrl(from) });
  try {
    const dst = openDb(to, { migrationsDir });
    try {
      const r = copyStore(src, dst);
      const rows = r.tables.reduce((n, t) => n + t.rows, 0);
      process.stdout.write(`Đã chép ${rows.toLocaleString('vi-VN')} dòng của ${r.tables.length} bảng, ${r.auditEntries.toLocaleString('vi-VN')} mục nhật ký; bản chép đã được kiểm tra\n`);
      // A SQLite store's copies of its files (beside it) go into a shared store, which every desk reads.
      const archive = path.join(path.dirname(path.resolve(from)), 'tep-da-nhap');
      if (isPostgresUrl(to) && !isPostgresUrl(from) && fs.existsSync(archive)) {
        const t = takeInArchive(dst, archive, new Date().toISOString());
        process.stdout.write(`Đã đưa ${t.kept.toLocaleString('vi-VN')} tệp đã nhập vào kho dùng chung${t.missing ? `; ${t.missing.toLocaleString('vi-VN')} tệp không còn bản lưu trong ${archive}` : ''}\n`);
      }
    } finally {
      dst.close();
    }
  } finally {
    src.close();
  }
}

program.command('copy-store')
  .description('chép toàn bộ một kho dữ liệu (SQLite hoặc PostgreSQL) sang một kho mới, trống, rồi kiểm tra bản chép')
  .requiredOption('--from <db>', 'kho nguồn: tệp SQLite hoặc postgres://...')
  .requiredOption('--to <db>', 'kho đích, mới và trống: postgres://... hoặc tệp SQLite chưa có')
  .action((o: { from: string; to: string }) => {
    if (!isPostgresUrl(o.from) && !fs.existsSync(o.from)) throw new Error(`Không tìm thấy cơ sở dữ liệu “${o.from}”`);
    copyInto(o.from, o.to);
  });

program.command('migrate')
  .description('nâng cấp cấu trúc kho dữ liệu lên phiên bản này (tự làm khi mở kho)')
  .requiredOption('--db <db>', 'tệp SQLite hoặc postgres://...')
  .action((o: { db: string }) => {
    const db = openDb(o.db, { migrationsDir: coreDeps().migrationsDir });
    try {
      const warning = isPostgresUrl(o.db) ? collationWarning(db) : null;
      if (warning) process.stderr.write(`${warning}\n`);
    } finally {
      db.close();
    }
    process.stdout.write(`Kho dữ liệu “${shownStore(o.db)}” đã ở phiên bản mới nhất\n`);
  });

program.command('grant-app-role')
  .description('cho vai trò PostgreSQL mà các máy dùng chỉ những quyền ứng dụng cần (chạy bằng tài khoản chủ cơ sở dữ liệu)')
  .requiredOption('--db <url>', 'postgres://CHỦ@MÁY-CHỦ/CSDL')
  .requiredOption('--role <name>', 'vai trò các máy đăng nhập vào máy chủ (đã tạo bằng CREATE ROLE ... LOGIN)')
  .action((o: { db: string; role: string }) => {
    if (!isPostgresUrl(o.db)) throw new Error('Chỉ kho dùng chung (postgres://...) có vai trò máy chủ');
    checkRoleName(o.role);
    const db = openDb(o.db, { migrationsDir: coreDeps().migrationsDir });
    try {
      const g = grantAppRole(db, o.role);
      process.stdout.write(`Vai trò “${g.role}”: đọc, thêm, sửa, xóa dòng trên ${g.tables} bảng, trừ sửa và xóa trên ${g.appendOnly.length} bảng chỉ được ghi thêm (${g.appendOnly.join(', ')}); không đổi được cấu trúc, không tắt được trigger, không xóa sạch được bảng\n`);
    } finally {
      db.close();
    }
  });

program.command('assign')
  .description('nhập lại một tệp bị giữ lại vì không xác định được kỳ hoặc đơn vị, với kỳ/đơn vị do người dùng chỉ ra')
  .requiredOption('--db <path>', 'tệp cơ sở dữ liệu')
  .requiredOption('--file <name>', 'tên tệp (như trong danh sách tệp)')
  .option('--period <period>', 'kỳ báo cáo: 2024-03, 2024-Q1, 2024-H1, 2024-9M, 2024')
  .option('--unit <code>', 'mã đơn vị')
  .option('--user <name>', 'người chỉ ra')
  .action(async (o: { db: string; file: string; period?: string; unit?: string; user: string }) => {
    if (!o.period && !o.unit) throw new Error('Cần --period hoặc --unit');
    await withCore(o.db, async (core) => {
      const r = o.period
        ? await core.assignPeriod(schemas.assignPeriod.parse({ file: o.file, period: o.period, unit: o.unit, user: userArg(o.user) }))
        : await core.assignUnit(schemas.assignUnit.parse({ file: o.file, unit: o.unit, user: userArg(o.user) }));
      line({ file: r.file, status: r.status, unit: r.unit ?? null, periods: r.periods ?? [], figures: r.figures, error: r.error ? { code: r.error.code, message: r.error.message } : null });
    });
  });

// The catalog as the office's data: every change on the audit log, under the user's name.
const indicators = program.command('indicators').description('danh mục chỉ tiêu: xem, thêm, thêm tên gọi khác, quan hệ, đổi tên, thôi dùng');
const catalogChange = (name: string, description: string) => indicators.command(name).description(description)
  .requiredOption('--db <path>', 'tệp cơ sở dữ liệu').option('--user <name>', 'người thay đổi');
indicators.command('list').description('các chỉ tiêu đang dùng, mỗi chỉ tiêu một dòng JSON').requiredOption('--db <path>', 'tệp cơ sở dữ liệu')
  .action(async (o: { db: string }) => { await withCore(o.db, async (core) => { for (const i of await core.listIndicators({})) line(i); }); });
catalogChange('add', 'thêm chỉ tiêu').requiredOption('--code <code>', 'mã (chữ in hoa)').requiredOption('--name <name>', 'tên chỉ tiêu')
  .requiredOption('--unit <unit>', 'đơn vị tính').requiredOption('--kind <kind>', 'flow|stock|plan|rate').requiredOption('--group <code>', 'mã nhóm')
  .option('--group-name <name>', 'tên nhóm, khi nhóm mới').option('--parent <code>', 'chỉ tiêu cha (dòng “trong đó”)')
  .option('--alias <name...>', 'tên gọi khác')
  .action(async (o: { db: string; user: string; code: string; name: string; unit: string; kind: string; group: string; groupName?: string; parent?: string; alias?: string[] }) => {
    const args = schemas.addIndicator.parse({ code: o.code, name: o.name, unit: o.unit, kind: o.kind, group: o.group, groupName: o.groupName, parent: o.parent, aliases: o.alias, user: userArg(o.user) });
    await withCore(o.db, async (core) => line(await core.addIndicator(args)));
  });
catalogChange('alias', 'thêm tên gọi khác cho chỉ tiêu').requiredOption('--code <code>', 'mã chỉ tiêu').requiredOption('--alias <name>', 'tên gọi khác')
  .action(async (o: { db: string; user: string; code: string; alias: string }) => {
    const args = schemas.aliasIndicator.parse({ code: o.code, alias: o.alias, user: userArg(o.user) });
    await withCore(o.db, async (core) => line(await core.aliasIndicator(args)));
  });
catalogChange('relate', 'thêm quan hệ giữa các chỉ tiêu').requiredOption('--rule <rule>', 'child_exceeds_parent|plan_exceeded|participants_lt_sessions|parts_exceed_total|sum_mismatch|rate_mismatch')
  .option('--child <code>').option('--parent <code>').option('--measure <measure>', 'period|ytd').option('--total <code>').option('--parts <codes...>')
  .option('--rate <code>').option('--numerator <code>').option('--denominator <code>')
  .action(async (o: { db: string; user: string; rule: string; child?: string; parent?: string; measure?: string; total?: string; parts?: string[]; rate?: string; numerator?: string; denominator?: string }) => {
    const { db, user, ...relation } = o;
    const args = schemas.relateIndicators.parse({ relation, user: userArg(user) });
    await withCore(db, async (core) => line(await core.relateIndicators(args)));
  });
catalogChange('rename', 'đổi tên chỉ tiêu').requiredOption('--code <code>', 'mã chỉ tiêu').requiredOption('--name <name>', 'tên mới')
  .action(async (o: { db: string; user: string; code: string; name: string }) => {
    const args = schemas.renameIndicator.parse({ code: o.code, name: o.name, user: userArg(o.user) });
    await withCore(o.db, async (core) => line(await core.renameIndicator(args)));
  });
catalogChange('retire', 'thôi dùng chỉ tiêu (số liệu cũ vẫn giữ)').requiredOption('--code <code>', 'mã chỉ tiêu').requiredOption('--reason <text>', 'lý do')
  .action(async (o: { db: string; user: string; code: string; reason: string }) => {
    const args = schemas.retireIndicator.parse({ code: o.code, reason: o.reason, user: userArg(o.user) });
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
  if (err instanceof ZodError) process.stderr.write(`Tham số không hợp lệ: ${describeIssues(fieldIssues(err.issues))}\n`);
  else process.stderr.write(`${(err as Error).message}\n`);
  process.exit(2);
});
