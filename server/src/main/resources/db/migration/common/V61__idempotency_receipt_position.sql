-- A replayed answer carries the same receiptPosition (the decision's event, for a receipt) as the first.
ALTER TABLE idempotency_record ADD COLUMN receipt_position BIGINT;
