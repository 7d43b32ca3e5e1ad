-- An answered callback holds its agent until the callee is in the queue (docs/callbacks.md, rule 4).
-- SQLite and PostgreSQL alike; epoch milliseconds (UTC).
-- holding_until: set with DONE when the callee answers: the callee hears the ~8 s callback-intro
--   before entering the queue, and until then the queue's ready agent is spoken for on every node.
--   Cleared when the dialplan reports the callee queued or the call ended (HotlineCallbackQueued /
--   HotlineCallbackEnded, seen by any node); a value in the past is a lease that ran out (the node
--   or the event was lost) and holds nothing. NULL: no agent held.
ALTER TABLE callbacks ADD COLUMN holding_until BIGINT;
-- claimNext: the holds still running in a queue
CREATE INDEX callbacks_holding ON callbacks (queue, holding_until);
