/** Labels another desk mapped while this screen was open, each by name, with its indicator and who mapped it. */
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/Notice';
import { formatNumber } from '../../format/numbers';
import type { MappedElsewhere } from './mapped-elsewhere';

/** Named one by one up to this many; a restored backup may take hundreds at once. */
const NAMED = 5;

export interface MappedElsewhereNoticeProps {
  news: MappedElsewhere[];
  indicatorName: (code: string) => string;
  onClose: () => void;
}

export function MappedElsewhereNotice({ news, indicatorName, onClose }: MappedElsewhereNoticeProps) {
  const { t } = useTranslation();
  if (news.length === 0) return null;
  return (
    <Notice kind="info" onClose={onClose} testId="mapped-elsewhere">
      {news.slice(0, NAMED).map(({ label, normalized, mapping }) => (
        <div key={normalized}>
          {mapping
            ? t('mapping.elsewhere', { label, indicator: indicatorName(mapping.indicator), user: mapping.user })
            : t('mapping.elsewhereUnknown', { label })}
        </div>
      ))}
      {news.length > NAMED && <div>{t('mapping.elsewhereMore', { n: formatNumber(news.length - NAMED) })}</div>}
    </Notice>
  );
}
