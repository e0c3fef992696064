/**
 * Labels that left Đối chiếu nhãn because another desk mapped them while this one looked on: which
 * they are, and with what mapping, so the screen says so instead of letting them vanish.
 */
import type { LabelMapping, UnmappedLabel } from '../../../shared/types';

/** One label mapped elsewhere; `mapping` where the store could say to what and by whom. */
export interface MappedElsewhere { label: string; normalized: string; mapping: LabelMapping | null }

/** The labels listed before that the list no longer holds, except those this desk mapped itself. */
export function labelsGone(before: readonly UnmappedLabel[], after: readonly UnmappedLabel[], mine: ReadonlySet<string>): UnmappedLabel[] {
  const still = new Set(after.map((u) => u.normalized));
  return before.filter((u) => !still.has(u.normalized) && !mine.has(u.normalized));
}

/** Each label gone, with its standing mapping where one was found. */
export function withMappings(gone: readonly UnmappedLabel[], mappings: readonly LabelMapping[]): MappedElsewhere[] {
  const byLabel = new Map(mappings.map((m) => [m.normalized, m]));
  return gone.map((u) => ({ label: u.label, normalized: u.normalized, mapping: byLabel.get(u.normalized) ?? null }));
}

/** The news shown, with the latest added: a label told of again keeps only its latest word. */
export function addNews(shown: readonly MappedElsewhere[], news: readonly MappedElsewhere[]): MappedElsewhere[] {
  const fresh = new Set(news.map((n) => n.normalized));
  return [...shown.filter((n) => !fresh.has(n.normalized)), ...news];
}
