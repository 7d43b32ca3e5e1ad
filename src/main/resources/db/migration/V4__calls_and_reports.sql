-- What the hotline remembers of callers (docs/operations.md#callers). SQLite and PostgreSQL alike;
-- times are epoch milliseconds (UTC); numbers are caller ID digits, 1 to 20 of them.
--
-- recent_calls: one row per number, its latest call only, for the agent's "repeat caller" whisper
--   (call-scripts.md §1). Digits, not a hash: an unkeyed hash of a phone number is reversed in
--   seconds, and the journal already names every caller; the row is deleted once it is older than
--   callers.repeat-within (7 days by default), so the table never holds more than that window.
CREATE TABLE recent_calls (
    caller_number VARCHAR(20) NOT NULL PRIMARY KEY,
    last_call_at  BIGINT      NOT NULL
);
CREATE INDEX recent_calls_age ON recent_calls (last_call_at);

-- reports: the agent's abusive key, pressed the second time (§7: reported to the team lead);
--   deleted after callers.reports-keep. caller_number is '' when the number was withheld.
CREATE TABLE reports (
    id            ${id_column},
    reported_at   BIGINT       NOT NULL,
    caller_number VARCHAR(20)  NOT NULL,
    call_id       VARCHAR(64)  NOT NULL,
    agent         VARCHAR(128) NOT NULL,
    queue         VARCHAR(80)  NOT NULL,
    kind          VARCHAR(40)  NOT NULL CHECK (kind IN ('abusive'))
);
CREATE INDEX reports_number ON reports (caller_number, reported_at);
CREATE INDEX reports_age ON reports (reported_at);

-- blocked_numbers: the block list ops keep (hotline block add|remove|list) and auto-block fills;
--   blocked_until NULL = until removed. A blocked caller hears callers.blocked-prompt, 5 s, the hang-up.
CREATE TABLE blocked_numbers (
    caller_number VARCHAR(20)  NOT NULL PRIMARY KEY,
    blocked_at    BIGINT       NOT NULL,
    blocked_until BIGINT,
    reason        VARCHAR(200) NOT NULL,
    blocked_by    VARCHAR(80)  NOT NULL
);
CREATE INDEX blocked_numbers_until ON blocked_numbers (blocked_until);
