-- The whole clue lifecycle on the ledger row (each kind's earliest fact; progress and supervision: the latest),
-- the outcomes reported, the time limits per clue, and the deadlines db-scheduler keeps for Axon.

ALTER TABLE transfer_ledger
    ADD COLUMN return_event_id          UUID,
    ADD COLUMN returned_at              TIMESTAMPTZ,
    ADD COLUMN return_reason            VARCHAR(32),
    ADD COLUMN return_explanation       TEXT,
    ADD COLUMN disposal_event_id        UUID,
    ADD COLUMN disposed_at              TIMESTAMPTZ,
    ADD COLUMN disposal_method          VARCHAR(32),
    ADD COLUMN progress_event_id        UUID,
    ADD COLUMN progressed_at            TIMESTAMPTZ,
    ADD COLUMN progress_summary         TEXT,
    ADD COLUMN conclusion_event_id      UUID,
    ADD COLUMN concluded_at             TIMESTAMPTZ,
    ADD COLUMN conclusion_summary       TEXT,
    ADD COLUMN feedback_event_id        UUID,
    ADD COLUMN feedback_at              TIMESTAMPTZ,
    ADD COLUMN feedback_summary         TEXT,
    ADD COLUMN acknowledgement_event_id UUID,
    ADD COLUMN acknowledged_at          TIMESTAMPTZ,
    ADD COLUMN supervision_event_id     UUID,
    ADD COLUMN supervised_at            TIMESTAMPTZ,
    ADD COLUMN supervision_kind         VARCHAR(32),
    ADD COLUMN escalated_to             VARCHAR(32);

-- What the receiver's shown conclusion and feedback say: persons per outcome.
CREATE TABLE ledger_outcome (
    clue_id VARCHAR(128) NOT NULL REFERENCES transfer_ledger (clue_id) ON DELETE CASCADE,
    fact    VARCHAR(32)  NOT NULL,
    outcome VARCHAR(32)  NOT NULL,
    persons INTEGER      NOT NULL,
    PRIMARY KEY (clue_id, fact, outcome)
);

CREATE TABLE ledger_clock (
    clue_id    VARCHAR(128) NOT NULL REFERENCES transfer_ledger (clue_id) ON DELETE CASCADE,
    clock      VARCHAR(32)  NOT NULL,
    started_by UUID         NOT NULL,
    due_at     TIMESTAMPTZ  NOT NULL,
    breached   BOOLEAN      NOT NULL DEFAULT FALSE,
    stopped_by UUID,
    stopped_at TIMESTAMPTZ,
    late       BOOLEAN,
    PRIMARY KEY (clue_id, clock)
);
CREATE INDEX ledger_clock_open ON ledger_clock (due_at) WHERE stopped_by IS NULL;

-- db-scheduler's table (its PostgreSQL DDL), where Axon's deadlines wait.
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- A sender-side fact (an acknowledgement) can reach the ledger before any receiver-side fact names the receiver.
ALTER TABLE transfer_ledger ALTER COLUMN receiver_jurisdiction DROP NOT NULL;
