# The two set-up commands of the README:
#   make demo   build in release mode, load the sample corpus into the demo store, open the REPL on it
#   make test   build and run the whole test suite
#   make repl   the REPL on the demo's store again, after make demo
# Both first install what is missing (Debian packages, with sudo when not root).

SWIFT ?= swift
# The demo's store lives in the clone, so it never touches the user's own default.
ISNAD_STORE ?= $(CURDIR)/.isnad/store
export ISNAD_STORE

# Debian packages the build and the tests need:
#   liblmdb-dev  LMDB, the storage engine (CLMDB)
#   libedit-dev  line editing for the REPL
#   pkg-config   how SwiftPM finds both
#   python3      runs the pinned Snowball stemmer the tests compare with, and
#                the reference tools in ../shared/tools when they are there
#   python3-pip  installs the pinned Python reference packages below
#   tmux         drives the REPL on a real terminal in the tests
DEB_PACKAGES := liblmdb-dev libedit-dev pkg-config python3 python3-pip tmux
# Python packages the tests compare against, pinned, installed into the
# clone (never system-wide): the Snowball English stemmer.
PY_TEST_PACKAGES := snowballstemmer==3.1.1
PY_TEST_DIR := .build-python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SHARED_NOTE := if [ ! -d ../shared/corpus/seeds ] || [ ! -f ../shared/tools/refanalyzer.py ]; then \
  echo "make test: no ../shared beside the clone, so the tests on its annotated corpora (../shared/corpus) and against its reference analyzer (../shared/tools/refanalyzer.py) were skipped; CI has it"; fi

.PHONY: deps pydeps lint format gazetteer demo repl test embed build release bench bench-deps bench-analyzer bench-query fuzz torture torture-short clean-demo expected

deps:
	@missing=""; \
	for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

release: deps
	$(SWIFT) build -c release --product isnad

# On a terminal the demo ends in the REPL on the sample store; elsewhere
# (a pipe, CI) it runs a saved query file instead. Either way its last
# lines say where the store is and how to open it again: plain `isnad`
# opens the user's default store, not this one.
demo: release
	./.build/release/isnad ingest examples/corpus
	@if [ -t 0 ] && [ -t 1 ]; then ./.build/release/isnad; \
	else ./.build/release/isnad stats && ./.build/release/isnad run examples/queries/denials.isq; fi
	@echo
	@echo "The demo's store is $(ISNAD_STORE)."
	@echo "Open it again with any of:"
	@echo "  make repl"
	@echo "  ./.build/release/isnad --store '$(ISNAD_STORE)'"
	@echo "  export ISNAD_STORE='$(ISNAD_STORE)'   (then ./.build/release/isnad alone)"
	@echo "make clean-demo removes it."

# The REPL on the demo's store (built if needed; make demo fills it).
repl: release
	@[ -f "$(ISNAD_STORE)/data.mdb" ] || ./.build/release/isnad ingest examples/corpus
	./.build/release/isnad

build: deps
	$(SWIFT) build

pydeps: deps
	@for p in $(PY_TEST_PACKAGES); do \
	  name=$${p%%==*}; version=$${p##*==}; \
	  [ -d $(PY_TEST_DIR)/$$name-$$version.dist-info ] || { \
	    echo "installing $$p into $(PY_TEST_DIR)"; \
	    PIP_ROOT_USER_ACTION=ignore python3 -m pip install --quiet --disable-pip-version-check --no-warn-script-location \
	      --upgrade --target $(PY_TEST_DIR) $$p || exit 1; }; \
	done

# ../shared, beside the clone (CI has it), holds the annotated corpora and
# the reference tools; without it the tests that need it are skipped, and
# the last line of the run says so.
# The code's format (.swift-format: 4-space indents, 140 columns, one
# statement and one declaration per line). `make format` rewrites the
# sources to it; `make test` refuses code that does not keep it.
FORMATTED := Sources Tests Package.swift examples/Embed
lint:
	$(SWIFT) format lint --strict --recursive $(FORMATTED)

# The shipped gazetteer is compiled into the binary: after editing
# Sources/Isnad/Resources/gazetteer.jsonl, `make gazetteer` writes it into
# Sources/Isnad/ShippedGazetteer.swift (a test fails while the two differ).
gazetteer:
	{ echo '// swift-format-ignore-file'; \
	  echo '// Made from Resources/gazetteer.jsonl by `make gazetteer`: edit that file, then run it.'; \
	  echo ''; \
	  echo '/// The default gazetteer, one JSON entity per line, compiled in.'; \
	  echo 'let shippedGazetteer = #"""'; \
	  cat Sources/Isnad/Resources/gazetteer.jsonl; \
	  echo '"""#'; } > Sources/Isnad/ShippedGazetteer.swift

format:
	$(SWIFT) format format --in-place --recursive $(FORMATTED)

test: deps pydeps lint
	$(SWIFT) build --build-tests
	$(SWIFT) test
	$(MAKE) embed
	$(MAKE) torture-short
	@$(SHARED_NOTE)

# examples/Embed, the sample program that embeds Isnad as a library: built
# as its own package (depending on this one by path) and run against the
# sample corpus; its output must equal examples/Embed/expected.txt.
embed: deps
	cd examples/Embed && $(SWIFT) build
	cd examples/Embed && ./.build/debug/Embed ../corpus ../queries/denials.isq > .build/output.txt
	diff -u examples/Embed/expected.txt examples/Embed/.build/output.txt
	@echo "examples/Embed: output as expected"

# On demand, release build: the store benchmark (docs/performance.md).
# Generates (or reuses) gencorpus.py --docs $(DOCS) --seed 1, runs the
# anchor engines (Tantivy, SQLite FTS5, Xapian) on it when `make bench-deps`
# has installed them, then imports the corpus into Isnad, times the 12
# queries of its queries.txt exactly as anchors.py times the anchors, the
# cold start of `isnad query`, and prints both side by side.
# JSON=FILE also writes the figures as one JSON object.
BENCH_DIR := .build-bench
DOCS ?= 333334
JSON ?=
BENCH_CORPUS := $(BENCH_DIR)/corpus-$(DOCS)
bench: deps
	$(SWIFT) build -c release --product IsnadBench
	$(SWIFT) build -c release --product isnad
	@[ -f $(BENCH_CORPUS)/manifest.json ] || python3 ../shared/tools/gencorpus.py --docs $(DOCS) --seed 1 --out $(BENCH_CORPUS)
	@if python3 -c 'import tantivy, lmdb' 2>/dev/null && /usr/bin/python3 -c 'import xapian' 2>/dev/null; then \
	  python3 ../shared/tools/anchors.py run --corpus $(BENCH_CORPUS) --work $(BENCH_DIR)/anchors-work-$(DOCS) \
	    --label $(DOCS) --out $(BENCH_DIR)/anchors-$(DOCS).json --runs 30 --warmup 3; \
	else echo "anchors not installed (make bench-deps): Isnad's figures only"; rm -f $(BENCH_DIR)/anchors-$(DOCS).json; fi
	./.build/release/IsnadBench store --corpus $(BENCH_CORPUS) --store $(BENCH_DIR)/store-$(DOCS) \
	  --runs 30 --warmup 3 --isnad ./.build/release/isnad \
	  $$([ -f $(BENCH_DIR)/anchors-$(DOCS).json ] && echo --anchors $(BENCH_DIR)/anchors-$(DOCS).json) \
	  $(if $(JSON),--json $(JSON))

# The anchor engines for `make bench`, as ../shared/tools/README.md sets
# them up (not needed by the build or the tests).
bench-deps: deps
	$(SUDO) apt-get install -y -qq --no-install-recommends python3-xapian
	PIP_ROOT_USER_ACTION=ignore python3 -m pip install --quiet tantivy==0.27.0 lmdb==3.0.0

# On demand, release build: the analyzer over a generated corpus (20,000
# articles, seed 7, about 32 MB), beside the reference analyzer.
bench-analyzer: deps
	$(SWIFT) build -c release --product IsnadBench
	@[ -f $(BENCH_DIR)/text.txt ] || { \
	  python3 ../shared/tools/gencorpus.py --docs 20000 --seed 7 --out $(BENCH_DIR)/text-corpus --quiet && \
	  python3 -c "import json,sys; [sys.stdout.write(a['title']+'\\n'+a['text']+'\\n\\n') for a in map(json.loads, open('$(BENCH_DIR)/text-corpus/articles.jsonl'))]" \
	    > $(BENCH_DIR)/text.txt; }
	./.build/release/IsnadBench analyzer $(BENCH_DIR)/text.txt --runs 7 --reference ../shared/tools/refanalyzer.py

# On demand, release build: lex + parse + check of the documented queries.
bench-query: deps
	$(SWIFT) build -c release --product IsnadBench
	./.build/release/IsnadBench query docs/query-language.md

# On demand: a million fuzz inputs and a million round-trip trees through
# the query front half (CI runs 20,000 and 100,000), then queries run on a
# real store of 3,000 generated documents: every stage order up to three
# stages, 50,000 longer pipelines and 50,000 grammar trees, each checked
# against the oracle, none allowed to crash (CI: 400 each on 300 documents).
fuzz: deps
	ISNAD_FUZZ_INPUTS=1000000 ISNAD_ROUNDTRIP_CASES=1000000 \
	ISNAD_ENGINE_FUZZ_QUERIES=50000 ISNAD_ENGINE_FUZZ_DOCS=3000 \
	  $(SWIFT) test -c release --filter 'FuzzTests|RoundTripTests|EngineFuzzTests'

# On demand, release build: the torture campaign of issue 32
# (Tests/Torture/torture.py, Python's standard library only). SIGKILL at
# random moments of ingest, import, compact and format upgrades (100 of
# each, new and existing stores) compared with stores built without kills;
# the bad-input catalogue; flipped bytes and truncated data files (judged
# by `isnad check` when the binary has it); two writers and readers; random
# queries through the REPL; the fuzz tests. One table; exit 1 on any
# failure. RUNS=N runs each scenario N times. About half an hour here (two
# cores): 23 minutes of kills, 4 of fuzz tests (their release build apart).
RUNS ?=
torture: deps
	$(SWIFT) build -c release --product isnad
	python3 Tests/Torture/torture.py --isnad .build/release/isnad --swift-fuzz $(if $(RUNS),--runs $(RUNS))

# The same, five runs of each on 400 articles, with the debug build that
# `make test` has made already (under two minutes): part of `make test`.
torture-short: deps
	$(SWIFT) build --product isnad
	python3 Tests/Torture/torture.py --isnad .build/debug/isnad --runs 5 --articles 400

clean-demo:
	rm -rf .isnad

# Regenerates the expected output of examples/queries/*.isq against the
# sample corpus (the test CommandLineTests.exampleQueryFiles compares them);
# run after a change that rightly changes what extraction finds.
expected: build
	rm -rf .build/examples-store
	./.build/debug/isnad ingest --store .build/examples-store examples/corpus
	for f in examples/queries/*.isq; do \
	  ./.build/debug/isnad run --store .build/examples-store $$f > $${f%.isq}.out || exit 1; \
	done
	cd examples/Embed && $(SWIFT) build && ./.build/debug/Embed ../corpus ../queries/denials.isq > expected.txt
