-- Who a clue's subject is across both agencies (the person key of ClueTransferred v3), so that an umbrella clue
-- (allegation PROTECTIVE_UMBRELLA, linked_case_number) joins the official a gang case names (gang_case_fact). Subjects
-- of transfers recorded before have none.
ALTER TABLE ledger_subject ADD COLUMN person_key CHAR(64);
CREATE INDEX ledger_subject_person ON ledger_subject (person_key) WHERE person_key IS NOT NULL;
