-- The quarterly statement finds the umbrella clues of its gang cases by the case each names, as well as by the
-- agencies that sent and received them: a clue about a county's case may come from a province's police.
CREATE INDEX transfer_ledger_linked_case ON transfer_ledger (linked_case_number) WHERE linked_case_number IS NOT NULL;
