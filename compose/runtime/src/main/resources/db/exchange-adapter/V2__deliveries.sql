-- Push delivery of received facts to the agency systems' webhooks: one row per fact and client, with its state
-- (PENDING, RETRYING, DELIVERED, FAILED), the attempts made and the last answer.

CREATE TABLE delivery (
    received_sequence BIGINT       NOT NULL REFERENCES received_fact (sequence),
    client_id         VARCHAR(100) NOT NULL,
    clue_id           VARCHAR(128) NOT NULL,
    state             VARCHAR(16)  NOT NULL,
    attempts          INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at   TIMESTAMPTZ  NOT NULL,
    last_attempt_at   TIMESTAMPTZ,
    last_error        TEXT,
    delivered_at      TIMESTAMPTZ,
    PRIMARY KEY (received_sequence, client_id)
);
CREATE INDEX delivery_open ON delivery (client_id, clue_id, received_sequence) WHERE state IN ('PENDING', 'RETRYING');
CREATE INDEX delivery_state ON delivery (client_id, state, received_sequence);
