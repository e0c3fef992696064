/** A piece of matching evidence in the reader's language ("ĐVT khớp: người", "nằm dưới dòng ..."). */
import type { TFunction } from 'i18next';
import type { MatchEvidence } from '../../../shared/types';

export function evidenceText(t: TFunction, e: MatchEvidence): string {
  switch (e.kind) {
    case 'words': return t('mapping.evidence.words', { words: e.words.join(' ') });
    case 'unit': return t('mapping.evidence.unit', { unit: e.unit });
    case 'under': return t('mapping.evidence.under', { name: e.name });
    case 'group': return t('mapping.evidence.group', { name: e.name });
    case 'confirmed': return t('mapping.evidence.confirmed');
    case 'exact': return t('mapping.evidence.exact');
    case 'history': return t('mapping.evidence.history', { label: e.label, file: e.file });
  }
}
