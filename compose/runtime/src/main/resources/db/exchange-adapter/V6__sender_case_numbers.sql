-- A receiver looks a clue up in its inbox by the sender's case number (移送方案号), as its transfer names it or as a
-- receipt outside the exchange (纸质移送) names it. Each fact naming one keeps the number in the form numbers are
-- compared in (SenderCaseNumbers.key: widths folded, no white space), which V7 computes for the facts kept before.
ALTER TABLE outbox_fact ADD COLUMN sender_case_number_key TEXT;
ALTER TABLE received_fact ADD COLUMN sender_case_number_key TEXT;
CREATE INDEX outbox_fact_sender_case_number ON outbox_fact (sender_case_number_key, event_type)
    WHERE sender_case_number_key IS NOT NULL;
CREATE INDEX received_fact_sender_case_number ON received_fact (sender_case_number_key, event_type)
    WHERE sender_case_number_key IS NOT NULL;
