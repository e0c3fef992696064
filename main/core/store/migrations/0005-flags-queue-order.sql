-- The flag queue is read most severe first, a page at a time (listFlags). Without this index every
-- page sorts all the flags: 0.2 s for the first page of 100,000, 0.7 s halfway down. With it SQLite
-- walks the index in queue order and stops after the page. The expression must stay exactly the
-- one in main/core/review/flags-store.ts (RANK), or the planner will not match it.
CREATE INDEX flags_queue ON flags((CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END), sort);
