-- A letter's send attempt is recorded (status VERZENDEN, with its start) before the mail goes to the SMTP server.
-- A later attempt that finds VERZENDEN knows the earlier one was interrupted mid-send (crash): the letter becomes
-- ONZEKER and waits for a person's decision instead of being mailed a second time. See docs/brieven.md.
ALTER TABLE avg_brief ADD COLUMN verzending_gestart_op TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_avg_brief_status ON avg_brief (status);
