#!/usr/bin/env bash
# Lotsen's benchmark: generate (or reuse) a database of N fictional cases, start Lotsen on it, drive U signed-in users
# through the real pages for S seconds and print the table of throughput and latency against the targets.
# Figures: target/bench/results.json and target/bench/results.md; the app's log: target/bench/app.log.
set -euo pipefail

usage() {
    cat <<'USAGE'
Usage: bench/run.sh --cases N --users U --seconds S [--think-ms T] [--audit M] [--data-dir D] [--offline]
                    [--health-timeout T]

  --cases N           cases in the generated database (required)
  --users U           concurrent signed-in virtual users (required)
  --seconds S         length of the measured mixed phase in seconds (required); a warm-up of S/10 s comes before
                      it and two ceiling phases of S/4 s each (only /ping, then only the case page) after it
  --warmup W          length of the warm-up in seconds (default S/10, at least 1)
  --think-ms T        each user's mean pause between operations in the warm-up and mixed phases, in ms
                      (default 1000); 0 for none: every user clicks again the moment a page arrives. The
                      ceiling phases never pause.
  --audit M           audit entries to generate (default: 50 per case)
  --data-dir D        where the generated database lives (default: target/bench/data-N); reused when it was
                      generated with the same sizes
  --offline           run Maven offline (-o)
  --health-timeout T  seconds to wait for the app to become healthy (default 600)
  --help              this text

Environment: BENCH_JAVA_OPTS   extra JVM options for the app (e.g. -Xmx2g)
USAGE
}

die() {
    echo "bench/run.sh: $*" >&2
    echo "Try 'bench/run.sh --help'." >&2
    exit 2
}

positive() { # name value
    [[ "$2" =~ ^[1-9][0-9]*$ ]] || die "$1 must be a positive whole number, not '$2'"
}

CASES="" USERS="" SECONDS_="" THINK_MS=1000 WARMUP="" AUDIT="" DATA_DIR="" OFFLINE="" HEALTH_TIMEOUT=600
while [[ $# -gt 0 ]]; do
    case "$1" in
        --help|-h) usage; exit 0 ;;
        --cases) [[ $# -ge 2 ]] || die "--cases needs a value"; CASES="$2"; shift 2 ;;
        --users) [[ $# -ge 2 ]] || die "--users needs a value"; USERS="$2"; shift 2 ;;
        --seconds) [[ $# -ge 2 ]] || die "--seconds needs a value"; SECONDS_="$2"; shift 2 ;;
        --warmup) [[ $# -ge 2 ]] || die "--warmup needs a value"; WARMUP="$2"; shift 2 ;;
        --think-ms) [[ $# -ge 2 ]] || die "--think-ms needs a value"; THINK_MS="$2"; shift 2 ;;
        --audit) [[ $# -ge 2 ]] || die "--audit needs a value"; AUDIT="$2"; shift 2 ;;
        --data-dir) [[ $# -ge 2 ]] || die "--data-dir needs a value"; DATA_DIR="$2"; shift 2 ;;
        --health-timeout) [[ $# -ge 2 ]] || die "--health-timeout needs a value"; HEALTH_TIMEOUT="$2"; shift 2 ;;
        --offline) OFFLINE="-o"; shift ;;
        *) die "unknown argument '$1'" ;;
    esac
done
[[ -n "$CASES" ]] || die "--cases is required"
[[ -n "$USERS" ]] || die "--users is required"
[[ -n "$SECONDS_" ]] || die "--seconds is required"
positive --cases "$CASES"
positive --users "$USERS"
positive --seconds "$SECONDS_"
positive --health-timeout "$HEALTH_TIMEOUT"
[[ -z "$WARMUP" ]] || positive --warmup "$WARMUP"
[[ "$THINK_MS" =~ ^[0-9]+$ ]] || die "--think-ms must be a whole number, not '$THINK_MS'"
if [[ -n "$AUDIT" ]]; then
    [[ "$AUDIT" =~ ^[0-9]+$ ]] || die "--audit must be a whole number, not '$AUDIT'"
fi

cd "$(dirname "$0")/.."
ROOT="$(pwd)"
OUT="$ROOT/target/bench"
DATA_DIR="${DATA_DIR:-$OUT/data-$CASES}"
mkdir -p "$OUT" "$DATA_DIR"
DATA_DIR="$(cd "$DATA_DIR" && pwd)"
# The generator's users are shared by the virtual users (round robin); at least its default 50, so that one
# generated database serves every --users up to 50.
GEN_USERS=$(( USERS > 50 ? USERS : 50 ))
MVN=(./mvnw -q $OFFLINE)
START=$(date +%s)
STEP_START=$START STEPPED=""
step() { # prints how long the previous step took, then the next step's title
    local now; now=$(date +%s)
    if [[ -n "$STEPPED" ]]; then echo "   (took $(( now - STEP_START )) s)"; fi
    STEP_START=$now STEPPED=1
    echo "== $*"
}

free_port() {
    local port
    for _ in $(seq 1 100); do
        port=$(( 20000 + RANDOM % 40000 ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    echo "bench/run.sh: no free port found" >&2
    return 1
}

APP_PID=""
stop_app() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        [[ "${1:-}" == quiet ]] || echo "== stopping Lotsen (pid $APP_PID)"
        kill -TERM "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 60); do
            kill -0 "$APP_PID" 2>/dev/null || break
            sleep 1
        done
        if kill -0 "$APP_PID" 2>/dev/null; then
            echo "bench/run.sh: Lotsen did not stop within 60 s; killing it" >&2
            kill -KILL "$APP_PID" 2>/dev/null || true
        fi
        wait "$APP_PID" 2>/dev/null || true
    fi
    APP_PID=""
}
trap stop_app EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step "packaging Lotsen"
"${MVN[@]}" -DskipTests package
JAR=$(ls target/lotsen-*.jar | grep -v -- '-plain\.jar$' | head -n 1)

step "generating $CASES cases in $DATA_DIR (reused when already generated)"
GEN_ARGS=(-Pbench test -Dtest=GenerateData "-Dbench.dataDir=$DATA_DIR" "-Dbench.cases=$CASES"
          "-Dbench.users=$GEN_USERS")
[[ -n "$AUDIT" ]] && GEN_ARGS+=("-Dbench.audit=$AUDIT")
"${MVN[@]}" "${GEN_ARGS[@]}"
[[ -f "$DATA_DIR/bench-fixtures.json" ]] || { echo "bench/run.sh: the generator wrote no bench-fixtures.json" >&2; exit 1; }

PORT=$(free_port)
step "starting Lotsen on port $PORT (log: target/bench/app.log)"
# The daily retention job is off: it would run at a random point of the measurement (its own figure is in the README).
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
LOTSEN_DATA_DIR="$DATA_DIR" LOTSEN_DEMO_CASES=false LOTSEN_RETENTION_ENABLED=false PORT="$PORT" \
    java ${BENCH_JAVA_OPTS:-} -jar "$JAR" > "$OUT/app.log" 2>&1 &
APP_PID=$!

step "waiting for http://localhost:$PORT/actuator/health (at most $HEALTH_TIMEOUT s)"
deadline=$(( $(date +%s) + HEALTH_TIMEOUT ))
until curl -fsS "http://localhost:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
        echo "bench/run.sh: Lotsen exited before it became healthy; the end of target/bench/app.log:" >&2
        tail -n 40 "$OUT/app.log" >&2
        exit 1
    fi
    if (( $(date +%s) > deadline )); then
        echo "bench/run.sh: Lotsen was not healthy within $HEALTH_TIMEOUT s; see target/bench/app.log" >&2
        exit 1
    fi
    sleep 1
done

# The embedded database's postmaster, for the database's processor time per request (the first line of its pid file).
DB_PID=$(head -n 1 "$DATA_DIR/postgres/postmaster.pid" 2>/dev/null || true)
[[ "$DB_PID" =~ ^[0-9]+$ ]] || DB_PID=""

step "driving $USERS users for $SECONDS_ s"
rm -f "$OUT/results.json" "$OUT/results.md"
"${MVN[@]}" -Pbench test -Dtest=LoadDriver "-Dbench.url=http://localhost:$PORT" \
    "-Dbench.fixtures=$DATA_DIR/bench-fixtures.json" "-Dbench.users=$USERS" "-Dbench.seconds=$SECONDS_" "-Dbench.thinkMillis=$THINK_MS" \
    ${WARMUP:+"-Dbench.warmupSeconds=$WARMUP"} \
    "-Dbench.appPid=$APP_PID" ${DB_PID:+"-Dbench.dbPid=$DB_PID"}

step "stopping Lotsen (pid $APP_PID)"
stop_app quiet
step "done"
echo
cat "$OUT/results.md"
echo
echo "Wall time: $(( $(date +%s) - START )) s. Figures: target/bench/results.json, target/bench/results.md"
