-- Queues are names, not a list (docs/callbacks.md): a callback waits in any queue the config names
-- (the agents', the team lead's, each dialect queue), stored as given; V1's CHECK allowed only
-- 'hotline' and 'teamlead'. The store checks each name it writes and reads (CallbackQueue: 1 to 40
-- of a-z 0-9 _ -), so the column is as wide and has no CHECK.
-- SQLite cannot drop a CHECK, so the table is rebuilt the same way on both databases: a new table,
-- every row copied with its id (ids are arrival order), the old one dropped, the new one renamed,
-- its indexes made again. SQLite's AUTOINCREMENT counter follows the copied ids by itself;
-- PostgreSQL's identity is told to take them (copy_ids) and set past them (restart_ids): the two
-- placeholders of Dialect.placeholders, empty on SQLite.
CREATE TABLE callbacks_v3 (
    id              ${id_column},
    created_at      BIGINT       NOT NULL,
    callback_number VARCHAR(20)  NOT NULL,
    language        VARCHAR(16)  NOT NULL,
    reason          VARCHAR(40)  NOT NULL,
    promised_by     BIGINT       NOT NULL,
    queue           VARCHAR(40)  NOT NULL,
    recording       VARCHAR(200),
    caller_id       VARCHAR(80),
    waited_ms       BIGINT       NOT NULL,
    state           VARCHAR(16)  NOT NULL CHECK (state IN ('PENDING', 'DIALLING', 'DONE', 'FAILED')),
    attempts        INTEGER      NOT NULL DEFAULT 0,
    last_attempt_at BIGINT,
    last_result     VARCHAR(40),
    due_at          BIGINT       NOT NULL,
    claimed_at      BIGINT,
    claimed_by      VARCHAR(160),
    request_key     VARCHAR(64),
    set_aside       VARCHAR(200)
);

INSERT INTO callbacks_v3 (id, created_at, callback_number, language, reason, promised_by, queue, recording,
                          caller_id, waited_ms, state, attempts, last_attempt_at, last_result, due_at,
                          claimed_at, claimed_by, request_key, set_aside)
    ${copy_ids}
    SELECT id, created_at, callback_number, language, reason, promised_by, queue, recording,
           caller_id, waited_ms, state, attempts, last_attempt_at, last_result, due_at,
           claimed_at, claimed_by, request_key, set_aside
    FROM callbacks;

DROP TABLE callbacks;
ALTER TABLE callbacks_v3 RENAME TO callbacks;
${restart_ids}

-- the indexes of V1 and V2, on the new table
CREATE INDEX callbacks_line ON callbacks (queue, state, id);
CREATE UNIQUE INDEX callbacks_request_key ON callbacks (request_key);
CREATE INDEX callbacks_number ON callbacks (callback_number, state);
