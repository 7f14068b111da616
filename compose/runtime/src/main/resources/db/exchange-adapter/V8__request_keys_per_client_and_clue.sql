-- A request's key was its kind, its jurisdiction and the agency system's record id (a transfer's, the clue it made):
-- the same record id posted for another clue replayed the first clue's answer and asserted nothing, and all systems
-- of a jurisdiction shared one space of record ids. A key is now the system (the client), the clue or statement the
-- fact is about, the kind of request and the record id.
ALTER TABLE outbox_fact ADD COLUMN client_id VARCHAR(100), ADD COLUMN operation VARCHAR(32),
    ADD COLUMN record_id VARCHAR(64);
UPDATE outbox_fact SET operation = split_part(request_key, ':', 1),
    record_id = CASE WHEN request_key LIKE 'transfer:%' THEN regexp_replace(clue_id, '^[A-Z]+-[0-9]{6}-', '')
                     ELSE substring(request_key FROM '^[^:]*:[^:]*:(.*)$') END;
ALTER TABLE outbox_fact ALTER COLUMN operation SET NOT NULL, ALTER COLUMN record_id SET NOT NULL,
    DROP COLUMN request_key;
CREATE UNIQUE INDEX outbox_fact_request ON outbox_fact (client_id, clue_id, operation, record_id);
-- Which system asserted the facts stored before is not known (client_id NULL): such a request, retried after the
-- upgrade by any system of the jurisdiction that asserted it, still finds its first answer, as it did before.
CREATE INDEX outbox_fact_request_before_clients ON outbox_fact (clue_id, operation, record_id, asserted_by)
    WHERE client_id IS NULL;
-- One transfer per clue, whichever system sent it: the clue id is made of the transfer's record id.
CREATE UNIQUE INDEX outbox_fact_one_transfer ON outbox_fact (clue_id) WHERE event_type = 'ClueTransferred';
