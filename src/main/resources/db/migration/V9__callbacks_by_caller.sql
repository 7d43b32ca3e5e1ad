-- Every call's arrival asks whether its caller already has a callback open: callback_number = ?
-- OR caller_id = ? (JdbcCallerRecords.OPEN_CALLBACK). Only callback_number had an index, so the OR
-- scanned the whole table, DONE and FAILED rows of the past included, and that lookup runs on the
-- store's one writer thread: with 200,000 stored callbacks it took ~30 ms a call, a ceiling of ~30
-- answered calls a second for the node. With this index both sides are index searches (SQLite
-- MULTI-INDEX OR, PostgreSQL BitmapOr): ~0.02 ms. HotQueriesUseAnIndexTest keeps it so.
CREATE INDEX callbacks_caller ON callbacks (caller_id, state);
