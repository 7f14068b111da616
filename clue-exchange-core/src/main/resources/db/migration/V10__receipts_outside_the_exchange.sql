-- A receipt says by which channel the clue came (EXCHANGE, or OUTSIDE: on paper or otherwise), which sender's case
-- number the receiver named and which documents it signed for. Every receipt recorded before came through the
-- exchange, named no number and listed no document.
ALTER TABLE transfer_ledger
    ADD COLUMN receipt_channel            VARCHAR(16),
    ADD COLUMN receipt_sender_case_number VARCHAR(64),
    ADD COLUMN received_documents         TEXT[];
UPDATE transfer_ledger SET receipt_channel = 'EXCHANGE', received_documents = '{}'
    WHERE receipt_event_id IS NOT NULL;
