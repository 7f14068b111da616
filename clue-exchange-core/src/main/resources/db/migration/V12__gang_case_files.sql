-- The gang case files (涉黑涉恶案件台账): one row per case, one row per fact about it, and the anomalies its file
-- found. The quarterly statement reads these tables as they are: their names and columns are a contract.

CREATE TABLE gang_case (
    case_number           VARCHAR(64)  PRIMARY KEY,
    -- The registration's; until the police register the case, that of the first agency heard from about it.
    jurisdiction          CHAR(6)      NOT NULL,
    registered            BOOLEAN      NOT NULL DEFAULT FALSE,
    -- The earliest registration by (occurred at, event id); a later one that disagrees is an anomaly.
    registration_event_id UUID,
    registered_at         TIMESTAMPTZ,
    case_type             VARCHAR(32),
    case_name             VARCHAR(200),
    solution_event_id     UUID,
    solved_at             TIMESTAMPTZ,
    -- CaseClosure.Status over every fact the file counts, and since when.
    closure_status        VARCHAR(32)  NOT NULL DEFAULT 'OPEN',
    closure_since         TIMESTAMPTZ
);
CREATE INDEX gang_case_jurisdiction ON gang_case (jurisdiction);

-- Every fact, one row each, with the columns of its kind (CaseFactKind in fact) and the ledger's position in commit
-- order when it was recorded (see ledger_position, V11).
CREATE TABLE gang_case_fact (
    event_id             UUID         PRIMARY KEY,
    case_number          VARCHAR(64)  NOT NULL REFERENCES gang_case (case_number) ON DELETE CASCADE,
    fact                 VARCHAR(32)  NOT NULL,
    asserted_by          VARCHAR(32)  NOT NULL,
    actor                VARCHAR(64)  NOT NULL,
    occurred_at          TIMESTAMPTZ  NOT NULL,
    published_at         TIMESTAMPTZ  NOT NULL,
    recorded_at          TIMESTAMPTZ  NOT NULL,
    -- an official involved, followed up or found about
    person_key           CHAR(64),
    person_name          VARCHAR(100),
    unit                 VARCHAR(200),
    rank                 VARCHAR(32),
    role                 VARCHAR(32),
    check_kind           VARCHAR(32),
    -- a check's finding, an umbrella finding's outcome, a re-trace's reason
    text                 TEXT,
    umbrella_found       BOOLEAN,
    endorsement_role     VARCHAR(32),
    signer_id            VARCHAR(64),
    signer_name          VARCHAR(100),
    -- asserted by an agency whose jurisdiction does not cover the case's: it does not count towards closure
    outside_jurisdiction BOOLEAN      NOT NULL DEFAULT FALSE,
    position             BIGINT       NOT NULL
);
CREATE INDEX gang_case_fact_case ON gang_case_fact (case_number, occurred_at);
CREATE INDEX gang_case_fact_person ON gang_case_fact (person_key) WHERE person_key IS NOT NULL;

CREATE TABLE gang_case_anomaly (
    case_number      VARCHAR(64) NOT NULL REFERENCES gang_case (case_number) ON DELETE CASCADE,
    fact_event_id    UUID        NOT NULL,
    related_event_id UUID        NOT NULL,
    kind             VARCHAR(32) NOT NULL,
    detail           TEXT        NOT NULL,
    PRIMARY KEY (case_number, fact_event_id, related_event_id, kind)
);

-- Each case fact's position, kept apart from the tables a reset truncates, as ledger_fact_position keeps the clues'
-- facts': a rebuilt file keeps the positions statements were drawn up against.
CREATE TABLE gang_case_fact_position (
    event_id UUID   PRIMARY KEY,
    position BIGINT NOT NULL
);
