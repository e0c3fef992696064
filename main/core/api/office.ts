/**
 * The office's set-up as the rest of the core uses it: the stored choices with defaults filled in
 * (from the province's name and resources/settings/export.json), and the provinces its returns
 * may come from at a date.
 */
import type { Database } from '../store/db';
import type { OfficeSetup, ProvinceChoice } from '../../../shared/types';
import type { PartialSettings } from '../export/settings';
import { loadExportSettings } from '../export/settings';
import type { ProvinceNode } from '../registry/office-provinces';
import { headingDefaults, officeProvinces } from '../registry/office-provinces';
import type { OfficeProvince } from '../recognise/recognise-return';
import { provinceNodes, readSetting } from '../store/queries/settings';
export { officeProvinceCodes } from '../store/queries/settings';

/** What is stored: the province, and only the fields a person gave. */
export type StoredSetup = { province: string; migrated?: boolean } & Partial<Omit<OfficeSetup, 'province' | 'provinceName'>>;

export function storedSetup(db: Database): StoredSetup | null {
  return readSetting<StoredSetup>(db, 'setup');
}

/** The latest form of a province code ("44" is Quảng Trị from 01/07/2025, Quảng Bình before). */
export function latestProvince(nodes: ProvinceNode[], code: string): ProvinceNode | undefined {
  return nodes.filter((n) => n.code === code).sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
}

export function resolveSetup(db: Database, stored: StoredSetup, resourcesDir: string): OfficeSetup {
  const province = latestProvince(provinceNodes(db), stored.province);
  const provinceName = province?.name ?? `Tỉnh mã ${stored.province}`;
  const d = loadExportSettings({ resourcesDir });
  const h = headingDefaults(provinceName);
  return {
    province: stored.province, provinceName,
    agency: stored.agency || h.agency,
    office: stored.office || d.agency.issuer,
    place: stored.place || h.place,
    signerAuthority: stored.signerAuthority ?? d.signers.head.authority,
    signerTitle: stored.signerTitle || d.signers.head.title,
    signer: stored.signer ?? d.signers.head.name,
    preparer: stored.preparer ?? d.signers.preparer.name,
    recipients: stored.recipients ?? d.recipients,
  };
}

export function provinceChoices(db: Database): ProvinceChoice[] {
  return provinceNodes(db).map((n) => ({ code: n.code, name: n.name, validFrom: n.validFrom, validTo: n.validTo }));
}

/** The office's provinces at a date; none without a set-up. */
export function officeScope(db: Database): ((date: string) => OfficeProvince[]) | undefined {
  const stored = storedSetup(db);
  if (!stored) return undefined;
  const at = officeProvinces(provinceNodes(db), stored.province);
  return (date) => at(date).map((p) => ({ code: p.code, name: p.name }));
}

/** The export's heading, place, signature and recipients from the set-up. */
export function exportOverrides(s: OfficeSetup): PartialSettings {
  return {
    agency: { parent: s.agency, issuer: s.office },
    place: s.place,
    signers: { head: { authority: s.signerAuthority, title: s.signerTitle, name: s.signer }, preparer: { name: s.preparer } },
    recipients: s.recipients,
  };
}
