#!/usr/bin/env bash
# Real-stack load (issue 13, docs/performance.md#real-stack-load): SIPp phones over PJSIP into the
# lab Asterisk, mu-law RTP both ways (line hiss, never silence-without-frames), through the real
# server started here, each caller silent (the §2 silent line: 5 s, second prompt, 5 s, goodbye,
# 5 s, hang up). Prints failures, call length mean/stdev, the listening windows' p50/p99 as the
# server measured them, and the server's and Asterisk's CPU seconds and their ratio.
#   bash asterisk-conf/lab.sh start
#   bash src/test/lab/sip-load.sh [concurrent calls, default 200] [audio|energy, default audio]
# Calls are placed at a tenth of the concurrency per second. Needs sipp, sox and python3.
set -euo pipefail
cd "$(dirname "$0")/../../.."
CALLS="${1:-200}"
DETECTOR="${2:-audio}"
RATE=$(( CALLS / 10 > 0 ? CALLS / 10 : 1 ))
PORT=4631
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
# a fresh machine gets its tools (sipp, sox) from its own apt sources, by the lab's installer
command -v sipp >/dev/null && command -v sox >/dev/null || bash asterisk-conf/lab.sh tools
command -v python3 >/dev/null || { echo "sip-load: python3 is missing" >&2; exit 2; }
ASTERISK_PID=$(pgrep -n -x asterisk || true)
[ -n "$ASTERISK_PID" ] || { echo "sip-load: the lab Asterisk is not running: bash asterisk-conf/lab.sh start" >&2; exit 2; }
JAR="${HOTLINE_JAR:-target/hotline-ivr.jar}" # HOTLINE_JAR: another build to compare (a baseline)
[ -f "$JAR" ] || mvn -B -o -q package -DskipTests >&2

WORK=$(mktemp -d -t hotline-sip-load-XXXXXX)
trap '[ -n "${SERVER:-}" ] && kill "$SERVER" 2>/dev/null; wait 2>/dev/null || true' EXIT
sox -n -r 8000 -c 1 -e u-law "$WORK/hiss.wav" synth 10 whitenoise vol 0.002
sed -e "s|@ROBOT_ID@||" -e "s|@AGI_PORT@|$PORT|" -e "s|@AUDIO@,1,0|$WORK/hiss.wav,-1,0|" -e "s|@HANG_UP_AFTER_MS@|180000|" \
  src/test/resources/sipp/caller.xml > "$WORK/caller.xml"
cat > "$WORK/hotline.yaml" <<EOF
server: {port: $PORT, max-calls: $(( CALLS + 50 )), admin-port: 0}
journal: {file: $WORK/journal.jsonl}
store: {jdbc-url: "jdbc:sqlite:$WORK/hotline.db"}
line-quality: {port: $(( PORT + 100 ))}
dialler: {enabled: false}
inbound:
  listening: {detector: $DETECTOR}
EOF
# HOTLINE_JAVA_OPTS: extra JVM options for the server, e.g. a profile:
#   HOTLINE_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/load.jfr,settings=profile"
"$JAVA_HOME/bin/java" ${HOTLINE_JAVA_OPTS:-} -jar "$JAR" serve --config "$WORK/hotline.yaml" > "$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 100); do grep -q "FastAGI listening" "$WORK/server.log" 2>/dev/null && break; sleep 0.2; done

cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
sys_cpu() { awk '{print $15}' "/proc/$1/stat"; }
TICKS=$(getconf CLK_TCK)
S0=$(cpu "$SERVER"); A0=$(cpu "$ASTERISK_PID"); K0=$(sys_cpu "$SERVER")
sipp 127.0.0.1:5060 -sf "$WORK/caller.xml" -s 8005550100 -i 127.0.0.1 -p 5072 -mp 16000 \
  -m "$CALLS" -l "$CALLS" -r "$RATE" -nostdin -timeout 300s -trace_stat -stf "$WORK/stat.csv" \
  > "$WORK/sipp.out" 2>&1 || true
S1=$(cpu "$SERVER"); A1=$(cpu "$ASTERISK_PID"); K1=$(sys_cpu "$SERVER")
sleep 2
echo "sip-load: work folder $WORK (journal, server log)" >&2
python3 - "$WORK/journal.jsonl" "$CALLS" "$DETECTOR" "$(( S1 - S0 ))" "$(( A1 - A0 ))" "$TICKS" "$WORK/sipp.out" "$(( K1 - K0 ))" <<'PY'
import json, statistics, sys
from datetime import datetime
journal, calls, detector, s_ticks, a_ticks, tck, sipp_out, k_ticks = sys.argv[1:]
t = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00")[:26] + "+00:00")
lines = [json.loads(l) for l in open(journal) if l.strip()]
outcomes, lengths, windows = {}, [], []
for l in lines:
    outcomes[l.get("outcome", "")] = outcomes.get(l.get("outcome", ""), 0) + 1
    if "ended" in l: lengths.append((t(l["ended"]) - t(l["started"])).total_seconds())
    windows += [s["after-ms"] for s in l["steps"] if s.get("heard") == "silence" and "after-ms" in s]
windows.sort()
pct = lambda p: windows[min(len(windows) - 1, int(p * len(windows)))] if windows else float("nan")
failed = [x for x in open(sipp_out).read().split("\n") if "Failed call" in x]
server, asterisk = int(s_ticks) / int(tck), int(a_ticks) / int(tck)
print(f"sip-load: {calls} concurrent SIP calls, detector {detector}")
print(f"  journal lines {len(lines)} of {calls}; outcomes {outcomes}")
print(f"  call length mean {statistics.mean(lengths):.2f} s, stdev {statistics.pstdev(lengths):.2f} s" if lengths else "  no call ended")
print(f"  silent windows (server's own measure) n={len(windows)} p50 {pct(0.5)} ms, p99 {pct(0.99)} ms")
print(f"  CPU seconds: server {server:.1f} (of which in the kernel {int(k_ticks) / int(tck):.1f}), Asterisk {asterisk:.1f}, "
      f"ratio {server / asterisk:.2f}" if asterisk else "")
print("  sipp: " + (failed[-1].strip() if failed else "see " + sipp_out))
PY
