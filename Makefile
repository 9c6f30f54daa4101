# FaultMaven — the two commands a newcomer needs: `make run` and `make test`.
SWIFT ?= swift
# System libraries the build links (Debian/Ubuntu package names).
BUILD_PACKAGES := pkg-config libsystemd-dev libcurl4-openssl-dev libzstd-dev libsqlite3-dev zlib1g-dev
# Tools the tests use: promtool and a real Prometheus (prometheus), zstd and gzip to make compressed
# fixtures, curl, and systemd-journal-remote to write real journal files.
TEST_PACKAGES := prometheus zstd gzip curl systemd-journal-remote
DEMO_DIR ?= /tmp/faultmaven-demo
CONFIG ?= fluent.conf
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Installs those of the Debian packages $(1) that are missing (apt-get update only then).
apt_install = missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

.PHONY: all build release run test test-api test-llm bench deps test-deps clean check-config

all: build

# Installs the missing Debian packages the build needs.
deps:
	@$(call apt_install,$(BUILD_PACKAGES))
	@command -v $(SWIFT) >/dev/null || { echo "swift not found: install Swift 6 (https://swift.org/install) and retry" >&2; exit 1; }

test-deps: deps
	@$(call apt_install,$(TEST_PACKAGES))

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# Runs the agent on the bundled demo: a writer appends lines in three formats to $(DEMO_DIR)
# and injects an incident after about 20 s; the agent tails them, reports the anomaly and
# serves the query port on 127.0.0.1:9797. Ctrl-C stops both.
run: build
	@rm -rf $(DEMO_DIR) && mkdir -p $(DEMO_DIR)
	@bin=$$($(SWIFT) build --show-bin-path)/faultmaven; \
	$$bin demo --dir $(DEMO_DIR) & demo=$$!; \
	trap 'kill $$demo 2>/dev/null' EXIT INT TERM; \
	echo "Demo logs in $(DEMO_DIR); query port http://127.0.0.1:9797 (try: curl -s localhost:9797/api/query -d '{\"query\":\"what is wrong?\"}')"; \
	$$bin run -c $(CONFIG)

check-config: build
	$$($(SWIFT) build --show-bin-path)/faultmaven check-config -c $(CONFIG)

# SessionLoadTests (200 sessions at once against the agent) runs on its own after the others, so
# its load does not starve the parallel suites' deadlines on a 2-core machine.
test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --skip LlamaCppTests --skip SessionLoadTests
	$(SWIFT) test --skip-build --filter SessionLoadTests
	@$(MAKE) --no-print-directory test-api

# Fuzzes the query port from its served OpenAPI document with schemathesis (PyPI, pinned, in a
# venv under $(FUZZ_DIR), git-ignored): no 5xx, statuses and bodies as documented, bad input
# refused. FUZZ_EXAMPLES sets the test cases per operation (see docs/TESTING.md).
FUZZ_DIR ?= $(CURDIR)/.cache/schemathesis
FUZZ_PACKAGES := python3-venv
test-api: test-deps
	@$(call apt_install,$(FUZZ_PACKAGES))
	FAULTMAVEN_FUZZ_DIR=$(FUZZ_DIR) scripts/fuzz-api.sh setup
	$(SWIFT) build
	FAULTMAVEN_FUZZ_DIR=$(FUZZ_DIR) FAULTMAVEN_BIN=$$($(SWIFT) build --show-bin-path)/faultmaven scripts/fuzz-api.sh run

# The integration test against a real model: llama.cpp's OpenAI-compatible server
# (llama-cpp-python, compiled once, ~10 min on 2 cores) serving SmolLM2-135M, set up by
# scripts/llama-server.sh in $(LLAMA_DIR) (git-ignored), then LlamaCppTests run against it.
LLAMA_DIR ?= $(CURDIR)/.cache/llama
LLM_PACKAGES := build-essential python3-venv
test-llm: test-deps
	@$(call apt_install,$(LLM_PACKAGES))
	FAULTMAVEN_LLAMA_DIR=$(LLAMA_DIR) scripts/llama-server.sh setup
	$(SWIFT) build --build-tests
	env $$(FAULTMAVEN_LLAMA_DIR=$(LLAMA_DIR) scripts/llama-server.sh env) $(SWIFT) test --skip-build --filter LlamaCppTests

# Throughput tables for docs/BENCHMARKS.md: the pipeline cases on the eval set and the ingest
# case (a generated 1 GiB file cached in $TMPDIR/faultmaven-bench, default /tmp) beside cat
# and mtail, which is installed when missing. Pick cases with: make bench BENCH_ARGS=ingest
BENCH_PACKAGES := mtail
BENCH_ARGS ?=
bench: deps
	@$(call apt_install,$(BENCH_PACKAGES))
	$(SWIFT) run -c release faultmaven-bench $(BENCH_ARGS)

clean:
	rm -rf .build
