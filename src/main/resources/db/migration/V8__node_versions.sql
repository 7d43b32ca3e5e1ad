-- Which script version each node runs (docs/operations.md#several-nodes): every node writes its own
-- row at start and every 10 s (seen_at), so `hotline nodes` and the metric
-- hotline_cluster_config_versions show a node that was not reloaded with the others. SQLite and
-- PostgreSQL alike; epoch milliseconds (UTC).
--
-- node_versions: one row per dialler.node. script_version is <n>-<hash>: the node's reload counter
--   and the first 8 hex digits of the SHA-256 of its config file (which differs per node: dialler.node,
--   ports). script_hash is what nodes compare: the same digits of the per-call script the file gives
--   (every section a reload applies), equal on nodes that follow one script. A row not seen for a day
--   is deleted.
CREATE TABLE node_versions (
    node           VARCHAR(80) NOT NULL PRIMARY KEY,
    script_version VARCHAR(40) NOT NULL,
    script_hash    VARCHAR(16) NOT NULL,
    build          VARCHAR(80) NOT NULL,
    started_at     BIGINT      NOT NULL,
    seen_at        BIGINT      NOT NULL
);
