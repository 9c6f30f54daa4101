#!/bin/sh
# Fuzzes the query port from its own OpenAPI document with schemathesis (PyPI).
#
#   scripts/fuzz-api.sh setup   create the venv under $FAULTMAVEN_FUZZ_DIR and install schemathesis
#   scripts/fuzz-api.sh run     start the built agent on the demo configuration (temp dir, free port,
#                               `faultmaven demo` writing the logs), fuzz every operation the served
#                               /openapi.yaml describes, stop the agent; exit 1 on any failure
#
# Checks: no 5xx (not_a_server_error), every status and body as documented
# (status_code_conformance, content_type_conformance, response_schema_conformance), and
# schema-violating input refused with a 4xx (negative_data_rejection).
#
# FAULTMAVEN_FUZZ_DIR   the cache folder (default .cache/schemathesis in the repository, git-ignored)
# FAULTMAVEN_BIN        the agent binary (default: `swift build --show-bin-path`/faultmaven)
# FUZZ_EXAMPLES         test cases per operation and phase (default 150)
# FUZZ_SEED             fixed seed for a reproducible run (default: random, printed by schemathesis)
# PYTHON                the interpreter that creates the venv (default python3)
set -eu

SCHEMATHESIS_VERSION=4.32.5

root=$(cd "$(dirname "$0")/.." && pwd)
dir=${FAULTMAVEN_FUZZ_DIR:-$root/.cache/schemathesis}
venv=$dir/venv
st=$venv/bin/st
stamp=$venv/.faultmaven-schemathesis-$SCHEMATHESIS_VERSION

die() { echo "fuzz-api.sh: $*" >&2; exit 1; }

setup() {
    [ -f "$stamp" ] && return 0
    mkdir -p "$dir"
    if [ ! -x "$venv/bin/python3" ]; then
        "${PYTHON:-python3}" -m venv "$venv" || die "cannot create a venv in $venv (Debian: apt-get install python3-venv)"
    fi
    "$venv/bin/python3" -m pip install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION" \
        || die "pip install schemathesis==$SCHEMATHESIS_VERSION failed"
    "$st" --version >/dev/null || die "schemathesis installed but $st does not run"
    touch "$stamp"
}

# A TCP port free on 127.0.0.1 right now.
free_port() {
    "$venv/bin/python3" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# One schemathesis run against $base with the given checks and phases. One worker: the agent
# shares 2 cores with the build; the run stays a few minutes. From the cache folder, where
# schemathesis and hypothesis keep their own files.
fuzz() {
    (cd "$dir" && "$st" run "$base/openapi.yaml" \
        --checks "$1" \
        --phases "$2" \
        --max-examples "${FUZZ_EXAMPLES:-150}" \
        ${FUZZ_SEED:+--seed "$FUZZ_SEED"} \
        --workers 1 --request-timeout 30 --no-color \
        --suppress-health-check all \
        --warnings off)
}

run() {
    [ -f "$stamp" ] || die "not set up in $dir: run scripts/fuzz-api.sh setup"
    bin=${FAULTMAVEN_BIN:-$(cd "$root" && swift build --show-bin-path)/faultmaven}
    [ -x "$bin" ] || die "no agent binary at $bin: run swift build"
    work=$(mktemp -d "${TMPDIR:-/tmp}/faultmaven-fuzz.XXXXXX")
    port=$(free_port)
    base=http://127.0.0.1:$port
    # The demo configuration, moved to the temp folder and the free port.
    sed -e "s#/tmp/faultmaven-demo#$work/logs#g" -e "s#^\( *port\) 9797#\1 $port#" "$root/fluent.conf" >"$work/fluent.conf"
    mkdir -p "$work/logs"

    "$bin" demo --dir "$work/logs" --incident-after 5 >"$work/demo.log" 2>&1 &
    demo=$!
    "$bin" run -c "$work/fluent.conf" >"$work/agent.out" 2>"$work/agent.err" &
    agent=$!
    trap 'kill $demo $agent 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
    trap 'exit 130' INT TERM

    ready=0
    for _ in $(seq 1 300); do
        kill -0 "$agent" 2>/dev/null || { tail -n 20 "$work/agent.err" >&2; die "the agent exited before it was ready"; }
        if curl -fsS -m 2 "$base/readyz" >/dev/null 2>&1; then ready=1; break; fi
        sleep 0.2
    done
    [ "$ready" = 1 ] || die "the agent did not answer $base/readyz within 60 s"

    status=0
    checks=not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance
    # Single requests, valid and schema-violating (these must get a 4xx), then sequences along the
    # document's links. The stateful phase leaves out negative_data_rejection: schemathesis 4.32
    # flags valid multipart uploads there ("Invalid component: positive test case"), while the
    # first run already sends every operation its schema-violating input.
    fuzz "$checks,negative_data_rejection" examples,coverage,fuzzing || status=$?
    fuzz "$checks" stateful || status=$?

    if ! kill -0 "$agent" 2>/dev/null; then
        echo "fuzz-api.sh: the agent died during the run; its stderr:" >&2
        tail -n 40 "$work/agent.err" >&2
        status=1
    fi
    kill "$agent" 2>/dev/null || true
    wait "$agent" 2>/dev/null || true
    exit "$status"
}

case "${1:-}" in
    setup) setup ;;
    run) run ;;
    *) echo "usage: $0 setup|run" >&2; exit 2 ;;
esac
