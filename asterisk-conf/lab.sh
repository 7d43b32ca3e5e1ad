#!/usr/bin/env bash
# The hotline lab: a real Asterisk 22 (Debian sid, in a debootstrap chroot) running this
# project's asterisk-conf/ and sounds/, for integration tests and for trying calls by hand.
# Subcommands: provision | install | start | stop | status | cli '<command>' | log |
#              call <robot-context> [VAR=value ...] | verify [mvn args...] | tools
# See docs/lab.md.
set -euo pipefail

readonly SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly PROJECT_DIR="$(dirname "$SCRIPT_DIR")"
readonly ROOT="${HOTLINE_LAB_ROOT:-/var/cache/hotline-ivr/asterisk22-root}"
readonly PACKAGES="asterisk,asterisk-moh-opsound-gsm,asterisk-core-sounds-es"
readonly MARKER="$ROOT/.hotline-lab-provisioned"
readonly ETC_IN_ROOT=/etc/hotline-lab
readonly AST_CONF="$ETC_IN_ROOT/asterisk.conf"
readonly RUN_IN_ROOT=/var/run/hotline-lab
readonly LOG_IN_ROOT=/var/log/hotline-lab
readonly PID_FILE="$ROOT$RUN_IN_ROOT/lab.pid"
readonly SOUNDS_MANIFEST="$ROOT$ETC_IN_ROOT/.installed-sounds"
readonly AMI_HOST=127.0.0.1
readonly AMI_PORT=5038
readonly AMI_USER="${HOTLINE_LAB_AMI_USER:-hotline-lab}"
readonly AMI_SECRET="${HOTLINE_LAB_AMI_SECRET:-hotline-lab-secret}"
readonly BOOT_TIMEOUT_S=60
readonly HOST_PACKAGES=(debootstrap sox espeak-ng sip-tester maven)
readonly PG_LAB="$PROJECT_DIR/src/test/lab/postgres.sh" # PostgreSQL for the callback store's ITs
readonly SOUND_EXTENSIONS='wav|gsm|ulaw|alaw|sln|sln16|g722|g729|WAV'

log() { printf 'lab: %s\n' "$*" >&2; }
die() { printf 'lab: error: %s\n' "$*" >&2; exit 1; }

need_root() { [ "$(id -u)" -eq 0 ] || die "the lab needs root (debootstrap, chroot, mount)"; }

# ---------------------------------------------------------------- host packages

install_host_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  log "installing host packages: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# The Debian mirror this machine's own apt sources name (the first URI ending in /debian),
# unless HOTLINE_LAB_MIRROR says otherwise: no package host is written into the project.
debian_mirror() {
  if [ -n "${HOTLINE_LAB_MIRROR:-}" ]; then echo "$HOTLINE_LAB_MIRROR"; return 0; fi
  local uri
  uri="$( { sed -n 's/^URIs:[[:space:]]*//p' /etc/apt/sources.list.d/*.sources 2>/dev/null | tr ' ' '\n';
            sed -n 's/^deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\{0,1\}\([^[:space:]]*\).*/\2/p' \
              /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null; } |
          grep -E '^https?://' | grep -E '/debian/?$' | head -n 1)"
  [ -n "$uri" ] || die "no Debian mirror in /etc/apt/sources.list(.d): set HOTLINE_LAB_MIRROR"
  echo "${uri%/}"
}

# ---------------------------------------------------------------- mounts

# Mount points at or below $1 (deepest first), read from /proc/self/mounts.
mounts_under() {
  local dir="$1"
  awk -v d="$dir" '{ gsub(/\\040/, " ", $2); if ($2 == d || index($2, d "/") == 1) print $2 }' /proc/self/mounts |
    awk '{ print length($0) " " $0 }' | sort -rn | cut -d' ' -f2-
}

is_mounted() { mountpoint -q "$1" 2>/dev/null; }

unmount_all_under() {
  local dir="$1" m
  while read -r m; do
    [ -n "$m" ] || continue
    umount "$m" 2>/dev/null || umount -l "$m" || die "cannot unmount $m"
  done < <(mounts_under "$dir")
}

# Deletes a root folder, but never one with something mounted in it (a bound /dev!).
remove_root_dir() {
  local dir="$1"
  [ -e "$dir" ] || return 0
  unmount_all_under "$dir"
  [ -z "$(mounts_under "$dir")" ] || die "refusing to delete $dir: something is still mounted in it"
  rm -rf --one-file-system "$dir"
}

mount_root() {
  mkdir -p "$ROOT/proc" "$ROOT/dev"
  is_mounted "$ROOT/proc" || mount -t proc proc "$ROOT/proc"
  is_mounted "$ROOT/dev" || mount --bind /dev "$ROOT/dev"
}

# ---------------------------------------------------------------- provision

provision() {
  need_root
  mkdir -p "$(dirname "$ROOT")"
  exec 8>"$ROOT.lock"
  flock 8
  if [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$PACKAGES" ]; then
    write_root_network_files "$ROOT"
    exec 8>&-
    return 0
  fi
  install_host_packages debootstrap
  if [ -e "$ROOT" ]; then
    log "$ROOT is incomplete or was built with other packages: building it again"
    stop_asterisk
    remove_root_dir "$ROOT"
  fi
  local tmp="$ROOT.partial"
  remove_root_dir "$tmp"
  log "building the Asterisk 22 root (Debian sid, about a minute) in $tmp"
  local started=$SECONDS mirror
  mirror="$(debian_mirror)"
  log "mirror (from this machine's apt sources): $mirror"
  if ! debootstrap --variant=minbase --include="$PACKAGES" sid "$tmp" "$mirror" >"$ROOT.debootstrap.log" 2>&1; then
    tail -n 30 "$ROOT.debootstrap.log" >&2 || true
    unmount_all_under "$tmp"
    die "debootstrap failed (full output: $ROOT.debootstrap.log)"
  fi
  unmount_all_under "$tmp"
  chroot "$tmp" apt-get clean >/dev/null 2>&1 || true
  write_root_network_files "$tmp"
  printf '%s\n' "$PACKAGES" >"$tmp/.hotline-lab-provisioned"
  mv -T "$tmp" "$ROOT"
  log "root ready in $((SECONDS - started)) s: $(chroot "$ROOT" dpkg-query -W -f='${Version}' asterisk)"
  exec 8>&-
}

# A fresh sid root has no /etc/hosts: Asterisk would look up the host name and the root
# servers at start. Keep every lookup on this machine.
write_root_network_files() {
  local root="$1" host
  host="$(hostname 2>/dev/null || echo localhost)"
  printf '127.0.0.1\tlocalhost %s\n::1\tlocalhost ip6-localhost ip6-loopback\n' "$host" >"$root/etc/hosts"
  rm -f "$root/etc/resolv.conf"
  printf 'nameserver 127.0.0.1\n' >"$root/etc/resolv.conf"
}

# ---------------------------------------------------------------- install

install_conf() {
  need_root
  [ -f "$MARKER" ] || die "no lab root at $ROOT: run '$0 provision' first"
  local d
  for d in "$ETC_IN_ROOT" "$RUN_IN_ROOT" "$LOG_IN_ROOT" /var/spool/hotline-lab /var/spool/hotline-lab/robots \
           /var/lib/hotline-lab/keys "$(chroot "$ROOT" readlink -m /usr/share/asterisk/sounds/en)/robot-made"; do
    mkdir -p "$ROOT$d"
  done
  rm -f "$ROOT$ETC_IN_ROOT"/*.conf
  cp "$SCRIPT_DIR"/*.conf "$ROOT$ETC_IN_ROOT/"
  install_sounds
  make_robot_sounds
  install_robot_clips
  # RECORD FILE keeps callers' recorded names and statements here (relative to sounds/)
  mkdir -p "$ROOT$(chroot "$ROOT" readlink -m /usr/share/asterisk/sounds)/hotline-recordings"
}

# sounds/<lang>/... -> <root>/usr/share/asterisk/sounds/<lang>/..., audio files only.
# A manifest of what was copied lets the next install remove files deleted from sounds/.
install_sounds() {
  local f lang target count
  if [ -s "$SOUNDS_MANIFEST" ]; then
    sed "s|^|$ROOT|" "$SOUNDS_MANIFEST" | tr '\n' '\0' | xargs -0 rm -f
  fi
  : >"$SOUNDS_MANIFEST"
  [ -d "$PROJECT_DIR/sounds" ] || return 0
  for f in "$PROJECT_DIR"/sounds/*/; do
    [ -d "$f" ] || continue
    lang="$(basename "$f")"
    # Language folders only: en, es, zh, ko, yue, en_US, pt-BR ... never catalogue/ or tools.
    [[ "$lang" =~ ^[a-z]{2,3}([_-][A-Za-z0-9]{2,8})?$ ]] || continue
    # sounds/en is an absolute symlink (Debian alternatives) inside the root: resolve it
    # there, or the copy would land on this host's own /etc/alternatives.
    target="$ROOT$(chroot "$ROOT" readlink -m "/usr/share/asterisk/sounds/$lang")"
    mkdir -p "$target"
    (cd "$f" && find . -type f -regextype posix-extended -regex ".*\.($SOUND_EXTENSIONS)" -print0 |
      tar --null -T - -cf -) | tar -C "$target" --no-same-owner -xf -
    (cd "$f" && find . -type f -regextype posix-extended -regex ".*\.($SOUND_EXTENSIONS)" -printf '%P\n') |
      sed "s|^|${target#"$ROOT"}/|" >>"$SOUNDS_MANIFEST"
  done
  count="$(wc -l <"$SOUNDS_MANIFEST")"
  log "installed $count project sound files"
}

# Lab-only sounds for the robot callers (not project prompts): a faint line hiss, and
# digital silence in 1 s and 100 ms pieces ([robot-wait]: a phone's silence is frames too).
make_robot_sounds() {
  local dir
  dir="$ROOT$(chroot "$ROOT" readlink -m /usr/share/asterisk/sounds/en)/hotline-lab"
  # Without these a robot "stays silent" by hanging up at once: no test would mean anything.
  command -v sox >/dev/null || die "sox is missing: the robots' silence and hiss cannot be made (apt install sox)"
  mkdir -p "$dir"
  [ -f "$dir/hiss.wav" ] || sox -q -n -r 8000 -b 16 -c 1 "$dir/hiss.wav" synth 30 pinknoise vol 0.03
  [ -f "$dir/silence-1s.wav" ] || sox -q -n -r 8000 -b 16 -c 1 "$dir/silence-1s.wav" trim 0 1
  [ -f "$dir/silence-100ms.wav" ] || sox -q -n -r 8000 -b 16 -c 1 "$dir/silence-100ms.wav" trim 0 0.1
}

readonly EVAL_DIR="$PROJECT_DIR/src/test/resources/eval"
readonly ROBOT_CLIPS=(talk=speech/phone-talk-3 quiet=quiet/phone-quiet-4 noisy=noise/loud-noise-talk-1
                      hiss=silence/phone-hiss-3)

install_robot_clips() {
  local dir entry name clip count=0
  dir="$ROOT$(chroot "$ROOT" readlink -m /usr/share/asterisk/sounds/en)/robot"
  rm -rf "$dir"
  mkdir -p "$dir"
  for entry in "${ROBOT_CLIPS[@]}"; do
    name=${entry%%=*} clip=${entry#*=}
    if [ -f "$EVAL_DIR/$clip.wav" ]; then
      cp "$EVAL_DIR/$clip.wav" "$dir/$name.wav"
      count=$((count + 1))
    else
      log "robot clip $clip.wav not in $EVAL_DIR: robot/$name will be missing"
    fi
  done
  log "installed $count robot clips in ${dir#"$ROOT"}"
}

# ---------------------------------------------------------------- asterisk

rx() { chroot "$ROOT" /usr/sbin/asterisk -C "$AST_CONF" -rx "$*"; }

# Pids of processes whose root directory is the lab root (only those, never by name).
pids_in_root() {
  [ -d "$ROOT" ] || return 0
  find /proc -mindepth 2 -maxdepth 2 -path '/proc/[0-9]*/root' -lname "$(readlink -f "$ROOT")" \
    -printf '%h\n' 2>/dev/null | sed 's|^/proc/||'
  return 0
}

asterisk_pid() {
  local pid
  [ -f "$PID_FILE" ] || return 1
  pid="$(cat "$PID_FILE")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  [ "$(readlink "/proc/$pid/root" 2>/dev/null)" = "$(readlink -f "$ROOT")" ] || return 1
  echo "$pid"
}

is_running() { asterisk_pid >/dev/null && rx 'core show version' >/dev/null 2>&1; }

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

full_log() { echo "$ROOT$LOG_IN_ROOT/full"; }

show_log_tail() {
  local f
  for f in "$(full_log)" "$ROOT$LOG_IN_ROOT/console.out"; do
    [ -f "$f" ] || continue
    printf -- '--- last lines of %s\n' "$f" >&2
    tail -n 40 "$f" >&2
  done
}

start() {
  need_root
  install_host_packages sox # the robots' silence and hiss are made with it
  provision
  install_conf
  mount_root
  if is_running; then
    log "Asterisk already running (pid $(asterisk_pid)): config reinstalled, reloading"
    rx 'core reload' >/dev/null
    rx 'agi set debug on' >/dev/null
    return 0
  fi
  if port_open "$AMI_HOST" "$AMI_PORT"; then
    die "something else already listens on $AMI_HOST:$AMI_PORT (another Asterisk?): stop it first"
  fi
  local started=$SECONDS pid
  : >"$ROOT$LOG_IN_ROOT/console.out"
  # a new Asterisk numbers its channels from 1 again: the tests find a call's lines in the full log
  # by its channel name, so the last run's log is kept aside, never mixed with this one's
  if [ -f "$(full_log)" ]; then mv -f "$(full_log)" "$(full_log).previous"; fi
  setsid chroot "$ROOT" /usr/sbin/asterisk -C "$AST_CONF" -f -n \
    </dev/null >>"$ROOT$LOG_IN_ROOT/console.out" 2>&1 &
  pid=$!
  echo "$pid" >"$PID_FILE"
  log "Asterisk starting (pid $pid)"
  local deadline=$((SECONDS + BOOT_TIMEOUT_S)) booted=no
  while [ "$SECONDS" -lt "$deadline" ]; do
    kill -0 "$pid" 2>/dev/null || { show_log_tail; die "Asterisk exited during start"; }
    if [ "$booted" = no ] && rx 'core waitfullybooted' >/dev/null 2>&1; then booted=yes; fi
    if [ "$booted" = yes ] && port_open "$AMI_HOST" "$AMI_PORT"; then
      rx 'agi set debug on' >/dev/null
      log "Asterisk up in $((SECONDS - started)) s: $(rx 'core show version' | head -n 1)"
      log "full log: $(full_log)"
      return 0
    fi
    sleep 0.5
  done
  show_log_tail
  stop_asterisk
  die "Asterisk did not come up within ${BOOT_TIMEOUT_S} s (fully booted: $booted, AMI on $AMI_HOST:$AMI_PORT)"
}

stop_asterisk() {
  [ -d "$ROOT" ] || return 0
  if rx 'core show version' >/dev/null 2>&1; then
    rx 'core stop now' >/dev/null 2>&1 || true
  fi
  local i pids
  for i in $(seq 1 20); do
    pids="$(pids_in_root)"
    [ -z "$pids" ] && break
    [ "$i" -eq 10 ] && kill $pids 2>/dev/null || true
    sleep 0.5
  done
  pids="$(pids_in_root)"
  [ -z "$pids" ] || { kill -9 $pids 2>/dev/null || true; sleep 0.5; }
  rm -f "$PID_FILE"
}

stop() {
  need_root
  stop_asterisk
  [ -d "$ROOT" ] || return 0
  local m
  for m in "$ROOT/dev" "$ROOT/proc"; do
    is_mounted "$m" && { umount "$m" 2>/dev/null || umount -l "$m"; }
  done
  log "stopped"
}

status() {
  if is_running; then
    echo "running (pid $(asterisk_pid)), root $ROOT"
    rx 'core show version'
    rx 'core show uptime'
    rx 'core show channels count'
  else
    echo "not running, root $ROOT ($([ -f "$MARKER" ] && echo provisioned || echo not provisioned))"
    return 3
  fi
}

# ---------------------------------------------------------------- robot calls over AMI

# call <robot-context> [VAR=value ...]: Local/s@<robot> (the robot, ;2) calls s@hotline (;1),
# or <HOTLINE_LAB_DID>@hotline when that is set (a dialled number, seen as agi_extension).
# Variables are set on the Local channel, so both halves (the IVR and the robot) see them.
call() {
  [ $# -ge 1 ] || die "usage: $0 call <robot-context> [VAR=value ...]"
  local robot="$1" v exten="${HOTLINE_LAB_DID:-s}"
  shift
  is_running || die "the lab is not running: '$0 start' first"
  local action_id="lab-call-$$"
  local req="Action: Login\r\nUsername: $AMI_USER\r\nSecret: $AMI_SECRET\r\nEvents: off\r\n\r\n"
  req+="Action: Originate\r\nActionID: $action_id\r\nChannel: Local/s@$robot\r\n"
  req+="Context: hotline\r\nExten: $exten\r\nPriority: 1\r\nAsync: false\r\nTimeout: 30000\r\n"
  req+="CallerID: \"Robot $robot\" <$robot>\r\n"
  for v in "$@"; do
    [[ "$v" == *=* ]] || die "not VAR=value: $v"
    req+="Variable: $v\r\n"
  done
  req+="\r\nAction: Logoff\r\n\r\n"
  local reply
  exec 3<>"/dev/tcp/$AMI_HOST/$AMI_PORT" || die "cannot reach AMI on $AMI_HOST:$AMI_PORT"
  printf '%b' "$req" >&3
  reply="$(timeout 40 cat <&3 | tr -d '\r' || true)"
  exec 3>&-
  if grep -q "Response: Success" <<<"$(awk -v id="$action_id" 'BEGIN{RS=""} $0 ~ "ActionID: " id' <<<"$reply")"; then
    echo "call placed: Local/s@$robot -> $exten@hotline $*"
    echo "follow it in: $(full_log)"
  else
    printf '%s\n' "$reply" >&2
    die "originate failed"
  fi
}

# ---------------------------------------------------------------- verify (CI)

find_jdk25() {
  local home ver
  for home in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
    [ -n "$home" ] && [ -x "$home/bin/java" ] || continue
    ver="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null)"
    [ -n "$ver" ] || ver="$("$home/bin/java" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')"
    if [ -n "$ver" ] && [ "$ver" -ge 25 ]; then
      echo "$home"
      return 0
    fi
  done
  die "JDK 25 or newer not found: set JAVA_HOME to one (tried \$JAVA_HOME='${JAVA_HOME:-}' and /usr/lib/jvm/temurin-25-jdk-amd64)"
}

verify() {
  need_root
  install_host_packages "${HOST_PACKAGES[@]}"
  local jdk
  jdk="$(find_jdk25)"
  export JAVA_HOME="$jdk" PATH="$jdk/bin:$PATH"
  export HOTLINE_LAB_ROOT="$ROOT"
  # Stop the lab and PostgreSQL at the end, unless they were already running (a
  # developer's, or another worktree's test run: one of each per machine).
  local cleanup=""
  if [ "${CI:-}" = true ] && is_running; then
    # CI starts from a clean lab: a run killed earlier can leave robots logged into queues
    log "CI: the lab was running; restarting it so no earlier run's queue members or calls remain"
    stop
  fi
  if is_running; then
    log "the lab was already running: it stays running after the tests"
  else
    cleanup="stop || true;"
  fi
  if ! bash "$PG_LAB" status >/dev/null 2>&1; then
    cleanup="$cleanup bash \"$PG_LAB\" stop || true;"
  fi
  [ -z "$cleanup" ] || trap "$cleanup" EXIT
  start
  bash "$PG_LAB" start
  export HOTLINE_PG_URL="${HOTLINE_PG_URL:-$(bash "$PG_LAB" url)}"
  local rc=0
  (cd "$PROJECT_DIR" && mvn -B verify "$@") || rc=$?
  exit "$rc"
}

# ---------------------------------------------------------------- main

usage() {
  sed -n '2,6p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit 2
}

main() {
  [ $# -ge 1 ] || usage
  local cmd="$1"
  shift
  case "$cmd" in
    provision) provision ;;
    install) provision; install_conf ;;
    start) start ;;
    stop) stop ;;
    restart) stop; start ;;
    status) status ;;
    cli) [ $# -ge 1 ] || die "usage: $0 cli '<command>'"; is_running || die "the lab is not running"; rx "$*" ;;
    log) full_log ;;
    call) call "$@" ;;
    verify) verify "$@" ;;
    tools) need_root; install_host_packages "${HOST_PACKAGES[@]}" ;; # sipp, sox, ... (sip-load.sh)
    -h | --help | help) usage ;;
    *) die "unknown subcommand '$cmd' (provision, install, start, stop, restart, status, cli, log, call, verify, tools)" ;;
  esac
}

main "$@"
