-- An adapter's own state: the facts its agency asserted (the outbox, kept for good after publication: it is the
-- agency's record of what it said), and the other agency's facts that concern it (the source of its inbox and
-- deliveries). Both are append-only logs; their sequences are the cursors agency systems page with.

CREATE TABLE outbox_fact (
    sequence       BIGSERIAL    PRIMARY KEY,
    request_key    VARCHAR(200) NOT NULL UNIQUE,
    request_digest CHAR(64)     NOT NULL,
    event_id       UUID         NOT NULL UNIQUE,
    clue_id        VARCHAR(128) NOT NULL,
    event_type     VARCHAR(64)  NOT NULL,
    asserted_by    CHAR(6)      NOT NULL,
    topic          VARCHAR(128) NOT NULL,
    payload        BYTEA        NOT NULL,
    accepted_at    TIMESTAMPTZ  NOT NULL,
    published_at   TIMESTAMPTZ
);
CREATE INDEX outbox_fact_unpublished ON outbox_fact (clue_id, sequence) WHERE published_at IS NULL;
CREATE INDEX outbox_fact_clue ON outbox_fact (clue_id, sequence);

CREATE TABLE received_fact (
    sequence                 BIGSERIAL    PRIMARY KEY,
    event_id                 UUID         NOT NULL UNIQUE,
    clue_id                  VARCHAR(128) NOT NULL,
    event_type               VARCHAR(64)  NOT NULL,
    asserted_by_jurisdiction CHAR(6)      NOT NULL,
    concerns_jurisdiction    CHAR(6)      NOT NULL,
    payload                  BYTEA        NOT NULL,
    source_topic             VARCHAR(128) NOT NULL,
    source_partition         INTEGER      NOT NULL,
    source_offset            BIGINT       NOT NULL,
    received_at              TIMESTAMPTZ  NOT NULL
);
CREATE INDEX received_fact_clue ON received_fact (clue_id, sequence);
CREATE INDEX received_fact_inbox ON received_fact (concerns_jurisdiction, event_type, sequence);
