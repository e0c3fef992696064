/**
 * The office's names, signers and recipients for the consolidated workbook. Defaults are data in
 * resources/settings/export.json; an office's own settings (a file, or values from the UI) are
 * merged over them, so a missing key keeps its default and a typo is refused with its path.
 */
import { CodedError } from '../../../shared/errors';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SOURCE_RESOURCES_DIR } from '../source-dirs';

const text = z.string();

const settingsSchema = z.object({
  agency: z.object({ parent: text, issuer: text.min(1) }),
  nation: text.min(1),
  motto: text.min(1),
  place: text.min(1),
  formNumber: text,
  title: text.min(1),
  unitLine: text,
  provinceLabel: text.min(1),
  unitsHeading: text,
  signers: z.object({
    preparer: z.object({ title: text, name: text }),
    head: z.object({ authority: text, title: text, name: text }),
  }),
  recipients: z.array(text),
});

export type ExportSettings = z.infer<typeof settingsSchema>;

/** Any part of the settings, at any depth: what a user's file or the UI may give. */
export type PartialSettings = { [K in keyof ExportSettings]?: ExportSettings[K] extends unknown[] ? ExportSettings[K] : DeepPartial<ExportSettings[K]> };
type DeepPartial<T> = T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

export class SettingsError extends CodedError {
  constructor(message: string) { super('invalid-state', message); }
}

export function defaultSettingsFile(resourcesDir = SOURCE_RESOURCES_DIR): string {
  return path.join(resourcesDir, 'settings', 'export.json');
}

/** Defaults, then the user's settings file (when it exists), then values given in code. */
export function loadExportSettings(opts: { file?: string; overrides?: PartialSettings; resourcesDir?: string } = {}): ExportSettings {
  let merged = readJson(defaultSettingsFile(opts.resourcesDir));
  if (opts.file && fs.existsSync(opts.file)) merged = deepMerge(merged, readJson(opts.file));
  if (opts.overrides) merged = deepMerge(merged, opts.overrides);
  const parsed = settingsSchema.safeParse(merged);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(gốc)'}: ${i.message}`).join('; ');
    throw new SettingsError(`Thiết lập xuất biểu không hợp lệ — ${issues}`);
  }
  return parsed.data;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  } catch (err) {
    throw new SettingsError(`Không đọc được tệp thiết lập ${file}: ${(err as Error).message}`);
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Objects merge key by key; anything else (a string, a list of recipients) replaces the default. */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = deepMerge(base[k], v);
  return out;
}
