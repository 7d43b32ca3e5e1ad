-- The per-caller callback limit (inbound.callbacks.max-per-caller within per-caller-window,
-- docs/callbacks.md#limits-against-abuse), counted in the store so that every node on one
-- PostgreSQL counts the same requests. SQLite and PostgreSQL alike; epoch milliseconds (UTC).
--
-- callback_requests: one row per request and key: 'caller:<digits>' (the caller ID that asked) and
--   'number:<digits>' (the number to call back). Rows older than the window are deleted by the next
--   request, so the table holds one window of requests.
CREATE TABLE callback_requests (
    count_key    VARCHAR(40) NOT NULL,
    requested_at BIGINT      NOT NULL
);
CREATE INDEX callback_requests_key ON callback_requests (count_key, requested_at);
CREATE INDEX callback_requests_age ON callback_requests (requested_at);
