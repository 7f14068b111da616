-- The transfer ledger projection: one row per clue with the sender's and the receiver's record side by side,
-- the people each clue is about, every fact on its timeline, and the anomalies the ledger found.
-- Where a side asserted a fact more than once, the row shows the earliest by (occurred at, event id), so that the
-- row does not depend on the order in which the facts arrived.

CREATE TABLE transfer_ledger (
    clue_id                 VARCHAR(128) PRIMARY KEY,
    direction               VARCHAR(32)  NOT NULL,
    state                   VARCHAR(32)  NOT NULL,
    sender_type             VARCHAR(16)  NOT NULL,
    sender_jurisdiction     CHAR(6),
    receiver_type           VARCHAR(16)  NOT NULL,
    receiver_jurisdiction   CHAR(6)      NOT NULL,
    -- the sender's record
    transfer_event_id       UUID,
    transferred_at          TIMESTAMPTZ,
    transfer_published_at   TIMESTAMPTZ,
    transfer_actor          VARCHAR(64),
    source                  VARCHAR(32),
    allegation              VARCHAR(32),
    priority                VARCHAR(16),
    linked_case_number      VARCHAR(64),
    linked_case_type        VARCHAR(32),
    summary                 TEXT,
    sender_content_digest   CHAR(64),
    -- the receiver's record
    receipt_event_id        UUID,
    received_at             TIMESTAMPTZ,
    receipt_actor           VARCHAR(64),
    receiver_content_digest CHAR(64),
    acceptance_event_id     UUID,
    accepted_at             TIMESTAMPTZ,
    acceptance_actor        VARCHAR(64),
    receiver_case_number    VARCHAR(64)
);
CREATE INDEX transfer_ledger_sender_jurisdiction ON transfer_ledger (sender_jurisdiction);
CREATE INDEX transfer_ledger_receiver_jurisdiction ON transfer_ledger (receiver_jurisdiction);
CREATE INDEX transfer_ledger_state ON transfer_ledger (state);

CREATE TABLE ledger_subject (
    clue_id  VARCHAR(128) NOT NULL REFERENCES transfer_ledger (clue_id) ON DELETE CASCADE,
    position INTEGER      NOT NULL,
    name     VARCHAR(100) NOT NULL,
    unit     VARCHAR(200) NOT NULL,
    rank     VARCHAR(32)  NOT NULL,
    role     VARCHAR(100),
    PRIMARY KEY (clue_id, position)
);

CREATE TABLE ledger_fact (
    event_id     UUID         PRIMARY KEY,
    clue_id      VARCHAR(128) NOT NULL REFERENCES transfer_ledger (clue_id) ON DELETE CASCADE,
    fact         VARCHAR(32)  NOT NULL,
    side         VARCHAR(16)  NOT NULL,
    asserted_by  VARCHAR(32)  NOT NULL,
    actor        VARCHAR(64)  NOT NULL,
    occurred_at  TIMESTAMPTZ  NOT NULL,
    published_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ledger_fact_clue ON ledger_fact (clue_id, occurred_at);

CREATE TABLE ledger_anomaly (
    clue_id       VARCHAR(128) NOT NULL REFERENCES transfer_ledger (clue_id) ON DELETE CASCADE,
    fact_event_id    UUID         NOT NULL,
    related_event_id UUID         NOT NULL,
    kind             VARCHAR(32)  NOT NULL,
    detail           TEXT         NOT NULL,
    PRIMARY KEY (clue_id, fact_event_id, related_event_id, kind)
);
