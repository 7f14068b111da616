-- The ledger's position in commit order (台账位置). Each transaction of the ledger projection that adds facts takes
-- the next position as its last write, under the lock of this one row, which it holds until it commits: positions
-- follow the order in which the projection's writes became visible. A statement is drawn up from one snapshot of the
-- ledger and records the position that snapshot saw; a fact with a higher position was not in it. No clock can say
-- this: an event is stamped before its transaction commits, and the projection commits later still, or days later
-- for an event it held as a dead letter.
CREATE TABLE ledger_position (
    position          BIGINT      NOT NULL,
    -- The end of the latest month any statement has been drawn up for (none yet: null). A fact that occurred before
    -- it may amend a statement already drawn up; a statement raises it, committed, before it takes its snapshot.
    latest_period_end TIMESTAMPTZ,
    one_row           BOOLEAN     PRIMARY KEY DEFAULT TRUE CHECK (one_row)
);

-- Each fact's position, and whether a statement of its month or a later one had been drawn up before it. Kept apart
-- from the ledger's tables, so that a ledger rebuilt from the event store (its tables truncated, its events applied
-- again) keeps the positions its facts had: statements were drawn up against them.
CREATE TABLE ledger_fact_position (
    event_id        UUID    PRIMARY KEY,
    position        BIGINT  NOT NULL,
    after_statement BOOLEAN NOT NULL
);

-- The facts already on the ledger take positions in the order they were recorded, the statements already issued
-- the position of the last fact recorded by the time they were issued: the nearest that can be said now of when
-- each was drawn up.
INSERT INTO ledger_fact_position (event_id, position, after_statement)
SELECT event_id, row_number() OVER (ORDER BY recorded_at, event_id), FALSE FROM ledger_fact;

CREATE INDEX ledger_fact_recorded_in_order ON ledger_fact (recorded_at, event_id);
ALTER TABLE monthly_statement ADD COLUMN ledger_position BIGINT;
UPDATE monthly_statement s SET ledger_position = coalesce((
    SELECT p.position FROM ledger_fact f JOIN ledger_fact_position p ON p.event_id = f.event_id
    WHERE f.recorded_at <= s.issued_at ORDER BY f.recorded_at DESC, f.event_id DESC LIMIT 1), 0);
ALTER TABLE monthly_statement ALTER COLUMN ledger_position SET NOT NULL;
DROP INDEX ledger_fact_recorded_in_order;

-- A fact positioned after the first statement drawn up for its month or a later one could amend a statement.
WITH months AS (
    SELECT DISTINCT to_char(occurred_at AT TIME ZONE INTERVAL '+08:00', 'YYYY-MM') AS period FROM ledger_fact
), first_drawn AS (
    SELECT m.period, (SELECT min(s.ledger_position) FROM monthly_statement s WHERE s.period >= m.period) AS position
    FROM months m
)
UPDATE ledger_fact_position p SET after_statement = TRUE
FROM ledger_fact f JOIN first_drawn d
    ON d.period = to_char(f.occurred_at AT TIME ZONE INTERVAL '+08:00', 'YYYY-MM')
WHERE f.event_id = p.event_id AND p.position > d.position;

INSERT INTO ledger_position (position, latest_period_end)
SELECT (SELECT count(*) FROM ledger_fact),
    (SELECT max((period || '-01')::timestamp + INTERVAL '1 month') AT TIME ZONE INTERVAL '+08:00'
     FROM monthly_statement);

-- Statements read the facts that may amend them by position, from an index that holds only those: a fact is one only
-- if a statement of its month had been drawn up before it reached the ledger, and such facts are few. The index by
-- when facts were recorded is no longer read.
DROP INDEX ledger_fact_recorded_after_month;
CREATE INDEX ledger_fact_position_after_statement ON ledger_fact_position (position) WHERE after_statement;
