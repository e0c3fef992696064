-- PostgreSQL's 0020 makes 0019's per-statement check of a figure's file, unit and indicator look
-- each distinct key up once. SQLite checks them with its own foreign keys: this step only keeps
-- the numbers in step.
SELECT 1;
