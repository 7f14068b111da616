-- A fact whose record Kafka refuses for good (too large for the topic, say) is parked: kept unpublished with the
-- reason, so that it does not head every round of the relay. Later facts of its clue wait behind it until an
-- operator puts it back in line; every other clue goes on. Parked facts are few, and operators list them.
ALTER TABLE outbox_fact ADD COLUMN parked_at TIMESTAMPTZ, ADD COLUMN parked_reason TEXT;
CREATE INDEX outbox_fact_parked ON outbox_fact (sequence) WHERE parked_at IS NOT NULL;
