/**
 * Compares each answer of the unmapped labels with the one before: a label gone that this desk did
 * not map was mapped at another desk, and the store is asked to what and by whom.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LabelMapping, UnmappedLabel } from '../../../shared/types';
import { api } from '../../api/client';
import type { MappedElsewhere } from './mapped-elsewhere';
import { addNews, labelsGone, withMappings } from './mapped-elsewhere';

/** As many labels as the contract takes at once; any beyond are told of without their mapping. */
const ASK_AT_MOST = 200;

export interface MappedElsewhereNews {
  news: MappedElsewhere[];
  /** This desk maps the label: its leaving is no news. The person acted, so the news shown goes. */
  mapping: (normalized: string) => void;
  close: () => void;
}

export function useMappedElsewhere(items: UnmappedLabel[] | null): MappedElsewhereNews {
  const [news, setNews] = useState<MappedElsewhere[]>([]);
  const before = useRef<UnmappedLabel[] | null>(null);
  const mine = useRef(new Set<string>());
  useEffect(() => {
    const prev = before.current;
    before.current = items;
    if (!prev || !items) return;
    const gone = labelsGone(prev, items, mine.current);
    if (gone.length === 0) return;
    const tell = (found: readonly LabelMapping[]) => setNews((shown) => addNews(shown, withMappings(gone, found)));
    // Told even where the store cannot say to what (the question failed): the label did leave.
    api.listLabelMappings({ normalized: gone.slice(0, ASK_AT_MOST).map((u) => u.normalized) }).then(tell, () => tell([]));
  }, [items]);
  const mapping = useCallback((normalized: string) => { mine.current.add(normalized); setNews([]); }, []);
  const close = useCallback(() => setNews([]), []);
  return { news, mapping, close };
}
