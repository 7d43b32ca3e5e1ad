-- Callback requests (docs/callbacks.md). Written for SQLite and PostgreSQL alike:
-- ${id_column} is the only difference (Dialect.placeholders). Times are epoch milliseconds (UTC).
CREATE TABLE callbacks (
    id              ${id_column},
    created_at      BIGINT       NOT NULL,
    callback_number VARCHAR(20)  NOT NULL,
    language        VARCHAR(16)  NOT NULL,
    reason          VARCHAR(40)  NOT NULL,
    promised_by     BIGINT       NOT NULL,
    queue           VARCHAR(16)  NOT NULL CHECK (queue IN ('hotline', 'teamlead')),
    recording       VARCHAR(200),
    caller_id       VARCHAR(80),
    waited_ms       BIGINT       NOT NULL,
    state           VARCHAR(16)  NOT NULL CHECK (state IN ('PENDING', 'DIALLING', 'DONE', 'FAILED')),
    attempts        INTEGER      NOT NULL DEFAULT 0,
    last_attempt_at BIGINT,
    last_result     VARCHAR(40),
    due_at          BIGINT       NOT NULL,
    claimed_at      BIGINT
);

-- nextInLine: the oldest due PENDING callback of a queue
CREATE INDEX callbacks_line ON callbacks (queue, state, id);
