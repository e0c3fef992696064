/** Đối chiếu nhãn's news of labels mapped at another desk: which labels left, and what is told of them. */
import { describe, expect, it } from 'vitest';
import type { LabelMapping, UnmappedLabel } from '../../../shared/types';
import { addNews, labelsGone, withMappings } from '../../../renderer/features/mapping/mapped-elsewhere';

const item = (label: string): UnmappedLabel => ({ label, normalized: label.toLowerCase(), occurrences: 1, files: ['a.xlsx'], suggestions: [] });
const mapping = (label: string, indicator: string, user: string): LabelMapping => ({ label, normalized: label.toLowerCase(), indicator, user, at: '2023-07-10T08:00:00.000Z' });

describe('labels mapped elsewhere', () => {
  const [a, b, c] = [item('Số vụ A'), item('Số vụ B'), item('Số vụ C')];

  it('are the labels that left the list, not those that joined it nor those this desk mapped', () => {
    expect(labelsGone([a, b, c], [a, item('Số vụ D')], new Set())).toEqual([b, c]);
    expect(labelsGone([a, b, c], [a], new Set([c.normalized]))).toEqual([b]);
    expect(labelsGone([a], [a, b], new Set())).toEqual([]);
  });

  it('carry their mapping where the store has one', () => {
    const found = [mapping('SỐ VỤ B', 'TT_DOT', 'Lê Thị B')];
    expect(withMappings([b, c], found)).toEqual([
      { label: 'Số vụ B', normalized: 'số vụ b', mapping: found[0] },
      { label: 'Số vụ C', normalized: 'số vụ c', mapping: null },
    ]);
  });

  it('keep one word per label, the latest', () => {
    const first = withMappings([b, c], []);
    const again = withMappings([b], [mapping('Số vụ B', 'TT_DOT', 'Lê Thị B')]);
    expect(addNews(first, again).map((n) => [n.normalized, n.mapping?.user ?? null])).toEqual([['số vụ c', null], ['số vụ b', 'Lê Thị B']]);
  });
});
