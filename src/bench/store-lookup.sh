#!/usr/bin/env bash
# The arrival's open-callback lookup (JdbcCallerRecords.OPEN_CALLBACK) on a SQLite store that keeps
# N past callbacks (default 200000), with the migrations up to V8 and then with V9's index: its
# query plan and its time (docs/performance.md#the-store-with-a-past). Needs the sqlite3 CLI
# (apt-get install sqlite3). Usage: bash src/bench/store-lookup.sh [N]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
n="${1:-200000}"
db="$(mktemp -d)/lookup.db"
migrate() { sed 's/\${id_column}/INTEGER PRIMARY KEY AUTOINCREMENT/g; s/\${copy_ids}//g; s/\${restart_ids}//g' "$1" | sqlite3 "$db"; }
for f in src/main/resources/db/migration/V[1-8]__*.sql; do migrate "$f"; done
sqlite3 "$db" "WITH RECURSIVE i(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM i WHERE x < $n)
  INSERT INTO callbacks (created_at, callback_number, language, reason, promised_by, queue, caller_id, waited_ms,
                         state, attempts, request_key, due_at)
  SELECT x, 5550000000 + x, 'en', 'simple', 0, 'hotline', 5550000000 + x, 0, 'DONE', 1, 'k' || x, 0 FROM i;"
lookup="SELECT id FROM callbacks WHERE (callback_number = '5551234567' OR caller_id = '5551234567') AND state IN ('PENDING', 'DIALLING') LIMIT 1;"
time_it() {
  local start end
  start=$(date +%s%N)
  for _ in $(seq 100); do echo "$lookup"; done | sqlite3 "$db" >/dev/null
  end=$(date +%s%N)
  echo "$1: $(sqlite3 "$db" "EXPLAIN QUERY PLAN $lookup" | tr '\n' ' ')"
  echo "$1: $(( (end - start) / 100000 )) us a lookup (100 in one sqlite3 process, $n callbacks kept)"
}
time_it "V1-V8"
migrate src/main/resources/db/migration/V9__callbacks_by_caller.sql
time_it "V9   "
rm -rf "$(dirname "$db")"
