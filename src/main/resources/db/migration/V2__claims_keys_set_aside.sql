-- Exactly-once dialling, idempotent saves and bad rows (docs/callbacks.md). SQLite and PostgreSQL alike.
-- claimed_by: which dialler holds a DIALLING row, "<dialler.node>/<process token>"; a row held by an
--             earlier process of the same node is put back at the dialler's start, any other after
--             store.claim-timeout. From V2 on, attempts counts the attempt when it is claimed.
-- request_key: the flow's key for one request; a request spooled while the store was down and
--             replayed later is stored once however many times it is replayed.
-- set_aside:  why a row that cannot be dialled (a 2-digit number, a control character …) was taken
--             out of line (state FAILED, last_result 'set-aside'); NULL for every good row.
ALTER TABLE callbacks ADD COLUMN claimed_by VARCHAR(160);
ALTER TABLE callbacks ADD COLUMN request_key VARCHAR(64);
ALTER TABLE callbacks ADD COLUMN set_aside VARCHAR(200);

CREATE UNIQUE INDEX callbacks_request_key ON callbacks (request_key);
-- save: the one PENDING callback of a number
CREATE INDEX callbacks_number ON callbacks (callback_number, state);
