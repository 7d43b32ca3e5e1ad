-- Several nodes on one PostgreSQL (docs/operations.md#several-nodes). SQLite and PostgreSQL alike;
-- a single SQLite node creates the table but keeps places in line in memory. Times: epoch ms (UTC).
-- queue_arrivals: when each caller first entered a queue, whichever node serves the call, so a
--   caller who steps out of the queue for a prompt re-enters at their place among every node's
--   callers. lease_until is renewed by the serving node while the call lives; a row whose lease
--   ran out (its node died) no longer counts and is deleted by any node.
CREATE TABLE queue_arrivals (
    queue       VARCHAR(40)  NOT NULL,
    call_id     VARCHAR(64)  NOT NULL,
    node        VARCHAR(80)  NOT NULL,
    arrived_at  BIGINT       NOT NULL,
    lease_until BIGINT       NOT NULL,
    PRIMARY KEY (queue, call_id)
);
-- placeFor: the callers of a queue who arrived before me
CREATE INDEX queue_arrivals_line ON queue_arrivals (queue, arrived_at);
-- renew and leaveAll: a node's rows, a call's rows
CREATE INDEX queue_arrivals_node ON queue_arrivals (node);
CREATE INDEX queue_arrivals_call ON queue_arrivals (call_id);

-- The dialler's lease on a DIALLING callback: renewed by the dialling node every round while the
-- call rings; a claim is stale once neither claimed_at nor its last renewal is within
-- store.claim-timeout (the node died or lost the database).
ALTER TABLE callbacks ADD COLUMN claim_renewed_at BIGINT;
