-- The core's answers to the agency's own confirmations of statements are kept beside the other agency's facts, so
-- that they reach the feed and the webhooks as those do. No agency asserts them, so they have no asserting
-- jurisdiction.
ALTER TABLE received_fact ALTER COLUMN asserted_by_jurisdiction DROP NOT NULL;
