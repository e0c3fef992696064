/**
 * Labels another desk mapped while this screen was open, each by name, with its indicator and who
 * mapped it, and the indicator this person had picked for it where they had picked one.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/Notice';
import { formatNumber } from '../../format/numbers';
import type { MappedElsewhere } from './mapped-elsewhere';

/** Named one by one up to this many; a restored backup may take hundreds at once. */
const NAMED = 5;

export interface MappedElsewhereNoticeProps {
  news: MappedElsewhere[];
  /** The person's unconfirmed picks, by normalized label. */
  chosen: Readonly<Record<string, string>>;
  indicatorName: (code: string) => string;
  onClose: () => void;
}

/** What the person had picked, beside what was mapped: the same, or another they may want to raise. */
function pickWord(t: TFunction, picked: string, mapped: string | undefined, indicatorName: (code: string) => string): string {
  if (picked === mapped) return t('mapping.elsewhereSamePick');
  return t('mapping.elsewhereOtherPick', { indicator: indicatorName(picked) });
}

export function MappedElsewhereNotice({ news, chosen, indicatorName, onClose }: MappedElsewhereNoticeProps) {
  const { t } = useTranslation();
  if (news.length === 0) return null;
  return (
    <Notice kind="info" onClose={onClose} testId="mapped-elsewhere">
      {news.slice(0, NAMED).map(({ label, normalized, mapping }) => (
        <div key={normalized}>
          {mapping
            ? t('mapping.elsewhere', { label, indicator: indicatorName(mapping.indicator), user: mapping.user })
            : t('mapping.elsewhereUnknown', { label })}
          {chosen[normalized] && ` ${pickWord(t, chosen[normalized]!, mapping?.indicator, indicatorName)}`}
        </div>
      ))}
      {news.length > NAMED && <div>{t('mapping.elsewhereMore', { n: formatNumber(news.length - NAMED) })}</div>}
    </Notice>
  );
}
