/**
 * Danh mục chỉ tiêu: the catalog as the office's data (issue 14). The indicators in use by group;
 * add one (and its group), give one another name, retire one. Every change is on the audit log
 * under the user's name; matching, checks and the export follow without a code change.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../shared/types';
import { api } from '../../api/client';
import { Notice } from '../../components/Notice';
import { Spinner } from '../../components/Spinner';
import { useAction } from '../../hooks/use-action';
import { useLoad } from '../../hooks/use-load';
import { resetReference } from '../../hooks/use-reference';
import { useUserName } from '../../hooks/use-user-name';
import { AddIndicator } from './AddIndicator';
import { useMay } from '../../app/session';

export function CatalogScreen() {
  const { t } = useTranslation();
  const user = useUserName().trim();
  // Adding, aliasing and retiring are all the office's set-up: one role for the lot.
  const may = useMay('addIndicator');
  const list = useLoad(() => api.listIndicators({}), []);
  const { busy, error, run } = useAction();
  const [done, setDone] = useState<string | null>(null);
  const changed = (message: string) => { setDone(message); resetReference(); list.reload(); };
  const alias = (i: Indicator, text: string) => run(async () => { await api.aliasIndicator({ code: i.code, alias: text, user }); changed(t('catalog.aliased', { alias: text, name: i.name })); });
  const retire = (i: Indicator, reason: string) => run(async () => { await api.retireIndicator({ code: i.code, reason, user }); changed(t('catalog.retired', { name: i.name })); });
  const groups = [...new Map((list.data ?? []).map((i) => [i.group, i.groupName])).entries()];
  return (
    <section className="screen catalog-screen">
      <p className="lead">{t('catalog.lead')}</p>
      {!user && <Notice kind="warning">{t('common.needUser')}</Notice>}
      {done && <Notice kind="success">{done}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
      {list.loading && !list.data && <Spinner label={t('common.loading')} />}
      {list.data && (
        <>
          <AddIndicator indicators={list.data} groups={groups} disabled={!user || busy || !may.allowed}
            onAdd={(args) => run(async () => { await api.addIndicator({ ...args, user }); changed(t('catalog.added', { name: args.name })); })} />
          <table className="data-table" data-testid="catalog-table">
            <thead>
              <tr><th>{t('catalog.code')}</th><th>{t('catalog.name')}</th><th>{t('catalog.unit')}</th><th>{t('catalog.kind')}</th><th>{t('catalog.parent')}</th><th /></tr>
            </thead>
            <tbody>
              {groups.map(([g, name]) => [
                <tr key={`g-${g}`} className="group-row"><td colSpan={6}><strong>{g}. {name}</strong></td></tr>,
                ...list.data!.filter((i) => i.group === g).map((i) => <CatalogRow key={i.code} i={i} disabled={!user || busy || !may.allowed} why={may.why} onAlias={alias} onRetire={retire} />),
              ])}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function CatalogRow({ i, disabled, why, onAlias, onRetire }: { i: Indicator; disabled: boolean; why: string | undefined; onAlias: (i: Indicator, a: string) => void; onRetire: (i: Indicator, r: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  return (
    <tr data-testid={`catalog-${i.code}`}>
      <td>{i.code}</td><td>{i.name}</td><td>{i.unit}</td><td>{t(`catalog.kinds.${i.kind}`)}</td><td>{i.parent ?? ''}</td>
      <td className="row">
        <input value={text} onChange={(e) => setText(e.target.value)} placeholder={t('catalog.aliasOrReason')} aria-label={t('catalog.aliasOrReason')} />
        <button type="button" className="button small" disabled={disabled || !text.trim()} title={why} onClick={() => { onAlias(i, text.trim()); setText(''); }}>{t('catalog.alias')}</button>
        <button type="button" className="button small secondary" disabled={disabled || !text.trim()} title={why} onClick={() => { onRetire(i, text.trim()); setText(''); }}>{t('catalog.retire')}</button>
      </td>
    </tr>
  );
}
