/**
 * Đối chiếu nhãn: labels no indicator matched; a confirmed mapping is remembered for every later
 * import. Another desk's imports and mappings show as they are made.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnmappedLabel } from '../../../shared/types';
import { api } from '../../api/client';
import { Notice } from '../../components/Notice';
import { Spinner } from '../../components/Spinner';
import { formatNumber } from '../../format/numbers';
import { useLoad } from '../../hooks/use-load';
import { useStoreChanges } from '../../hooks/use-store-changes';
import { useReference } from '../../hooks/use-reference';
import { useAction } from '../../hooks/use-action';
import { useUserName } from '../../hooks/use-user-name';
import { MappedElsewhereNotice } from './MappedElsewhereNotice';
import { UnmappedItem } from './UnmappedItem';
import { useMappedElsewhere } from './use-mapped-elsewhere';

export function MappingScreen() {
  const { t } = useTranslation();
  const user = useUserName().trim();
  const ref = useReference();
  const list = useLoad(() => api.listUnmapped({}), []);
  // Items keep their keys (the label), so the indicator chosen on one stays chosen while a label
  // another desk mapped leaves the list, said in a notice, and one it imported joins it.
  useStoreChanges(list.refresh);
  const elsewhere = useMappedElsewhere(list.data);
  const { busy, error, run } = useAction();
  const [done, setDone] = useState<string | null>(null);
  // What the person picked on each label and has not confirmed: said beside another desk's mapping of it.
  const [chosen, setChosen] = useState<Readonly<Record<string, string>>>({});
  const confirm = (item: UnmappedLabel, indicator: string) => run(async () => {
    elsewhere.mapping(item.normalized);
    const r = await api.mapLabel({ label: item.label, indicator, user });
    setDone(t('mapping.done', { label: r.label, indicator: ref?.indicatorName(r.indicator) ?? r.indicator, n: formatNumber(r.figuresAdded) }));
    list.reload();
  });
  return (
    <section className="screen">
      <p className="lead">{t('mapping.lead')}</p>
      {!user && <Notice kind="warning">{t('common.needUser')}</Notice>}
      <MappedElsewhereNotice news={elsewhere.news} chosen={chosen} indicatorName={(c) => ref?.indicatorName(c) ?? c} onClose={elsewhere.close} />
      {done && <Notice kind="success">{done}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
      {list.error && <Notice kind="error">{list.error}</Notice>}
      {list.loading && !list.data && <Spinner label={t('common.loading')} />}
      {list.data && list.data.length === 0 && <Notice kind="info" testId="mapping-empty">{t('mapping.empty')}</Notice>}
      {list.data && list.data.length > 0 && (
        <ul className="cards">
          {list.data.map((item) => (
            <UnmappedItem
              key={item.normalized}
              item={item}
              indicators={ref?.indicators ?? []}
              canConfirm={user.length > 0}
              busy={busy}
              onConfirm={(ind) => void confirm(item, ind)}
              onChoose={(ind) => setChosen((c) => ({ ...c, [item.normalized]: ind }))}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
