-- A flag's message as data: the code of its sentence and the parameters (JSON), so each reader's
-- language words it (shared/messages.ts). `message` keeps the Vietnamese words for the CLI and the
-- export. Flags are rebuilt by every check, so rows from before this step simply have no code until then.
ALTER TABLE flags ADD COLUMN message_code TEXT;
ALTER TABLE flags ADD COLUMN params TEXT;
-- A refused file's reason likewise (code "import.refused" and its parameters, JSON), beside error_message.
ALTER TABLE files ADD COLUMN error_text TEXT;
