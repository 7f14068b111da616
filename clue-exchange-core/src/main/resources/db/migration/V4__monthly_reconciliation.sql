-- Monthly reconciliation (一月一对账): when each fact reached the ledger (a fact that arrives after its period's
-- statement was confirmed is an amendment in the next one), the indexes statements read by, and the statements
-- themselves with their confirmations and the notes that resolve their breaks.

ALTER TABLE ledger_fact ADD COLUMN recorded_at TIMESTAMPTZ;
UPDATE ledger_fact SET recorded_at = published_at;
ALTER TABLE ledger_fact ALTER COLUMN recorded_at SET NOT NULL;
CREATE INDEX ledger_fact_occurred ON ledger_fact (occurred_at);
CREATE INDEX ledger_fact_recorded ON ledger_fact (recorded_at);

-- Statements select clues by jurisdiction prefix (a prefecture with its counties) and by whether they are open.
CREATE INDEX transfer_ledger_sender_scope ON transfer_ledger (sender_jurisdiction bpchar_pattern_ops);
CREATE INDEX transfer_ledger_receiver_scope ON transfer_ledger (receiver_jurisdiction bpchar_pattern_ops);
CREATE INDEX transfer_ledger_open ON transfer_ledger (clue_id)
    WHERE acknowledgement_event_id IS NULL AND return_event_id IS NULL;
CREATE INDEX transfer_ledger_acknowledged ON transfer_ledger (acknowledged_at);
CREATE INDEX transfer_ledger_returned ON transfer_ledger (returned_at);

CREATE TABLE monthly_statement (
    statement_id VARCHAR(64)  PRIMARY KEY,
    jurisdiction CHAR(6)      NOT NULL,
    period       CHAR(7)      NOT NULL,
    revision     INTEGER      NOT NULL,
    digest       CHAR(64)     NOT NULL,
    issued_at    TIMESTAMPTZ  NOT NULL,
    issued_by    VARCHAR(64)  NOT NULL,
    content      TEXT         NOT NULL,
    UNIQUE (jurisdiction, period)
);

-- The confirmations of the current revision, one per agency type.
CREATE TABLE statement_confirmation (
    statement_id VARCHAR(64)  NOT NULL REFERENCES monthly_statement (statement_id),
    agency_type  VARCHAR(16)  NOT NULL,
    agency       VARCHAR(32)  NOT NULL,
    actor        VARCHAR(64)  NOT NULL,
    occurred_at  TIMESTAMPTZ  NOT NULL,
    recorded_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (statement_id, agency_type)
);

CREATE TABLE statement_confirmation_refusal (
    event_id     UUID         PRIMARY KEY,
    statement_id VARCHAR(64)  NOT NULL,
    agency       VARCHAR(32)  NOT NULL,
    actor        VARCHAR(64)  NOT NULL,
    digest       VARCHAR(64)  NOT NULL,
    reason       TEXT         NOT NULL,
    recorded_at  TIMESTAMPTZ  NOT NULL
);

CREATE TABLE statement_break_resolution (
    statement_id VARCHAR(64)  NOT NULL,
    clue_id      VARCHAR(128) NOT NULL,
    category     VARCHAR(32)  NOT NULL,
    note         TEXT         NOT NULL,
    resolved_by  VARCHAR(64)  NOT NULL,
    resolved_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (statement_id, clue_id, category)
);
