/** The sample returns and their answer key, beside the repository (../shared/samples). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const SAMPLES_DIR = path.resolve(__dirname, '../../../shared/samples/returns-2023');

export interface KeyValue {
  unit: string; year: number; month: number; indicator: string; column: 'period' | 'ytd'; value: number;
  file: string; sheet: string; cell: string; commune: string | null;
}
export interface KeyIssue { rule: string; unit: string; year: number; month: number; indicators: string[]; files?: string[] }
export interface AnswerKey { values: KeyValue[]; issues: KeyIssue[]; files: string[]; units: Record<string, string>; layouts: Record<string, string> }

export function answerKey(): AnswerKey {
  return JSON.parse(fs.readFileSync(path.join(SAMPLES_DIR, 'answer-key.json'), 'utf8')) as AnswerKey;
}

export function sampleFiles(): string[] {
  return fs.readdirSync(SAMPLES_DIR).filter((f) => /\.xlsx?$/i.test(f)).map((f) => path.join(SAMPLES_DIR, f));
}

/** A throwaway folder, removed by the caller's afterAll. */
export function tempDir(prefix = 'tonghop-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
