-- PostgreSQL's 0019 checks a figure's file, unit and indicator once per statement instead of per
-- row (its row-level foreign keys cost a lookup and a row lock each), and lets a copy defer the
-- checks of two references to the same table. SQLite's foreign keys are index lookups without
-- locks, and a copy defers them with a pragma: this step only keeps the numbers in step.
SELECT 1;
