-- Each issued revision's period root: one chain per jurisdiction and cadence, in the order they were issued. A
-- revision's window runs from the previous link's cut to its own, so every revision is a link, the superseded ones
-- too; the key on (jurisdiction, cadence, link) makes two issues racing for the same place fail instead of forking
-- the chain. Revisions issued before statements had roots have no row.
CREATE TABLE statement_root (
    jurisdiction  VARCHAR(6)  NOT NULL,
    cadence       VARCHAR(16) NOT NULL,
    link          INTEGER     NOT NULL,
    statement_id  VARCHAR(64) NOT NULL,
    revision      INTEGER     NOT NULL,
    digest        CHAR(64)    NOT NULL,
    root          CHAR(64)    NOT NULL,
    previous_root CHAR(64)    NOT NULL,
    cut           TEXT        NOT NULL,
    facts         INTEGER     NOT NULL,
    PRIMARY KEY (jurisdiction, cadence, link),
    UNIQUE (statement_id, revision)
);
