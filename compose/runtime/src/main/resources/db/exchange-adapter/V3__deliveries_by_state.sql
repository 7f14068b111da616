-- Operators watch how many pushes are retrying or have failed (the clue.exchange.deliveries metric). Delivered rows
-- are kept for good and outnumber the others by far, so those counts read an index on the state, not the table.
CREATE INDEX delivery_by_state ON delivery (state);
