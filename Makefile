# The two set-up commands of the README:
#   make demo   build in release mode, load the sample corpus into the demo store, show it
#   make test   build and run the whole test suite
# Both first install what is missing (Debian packages, with sudo when not root).

SWIFT ?= swift
# The demo's store lives in the clone, so it never touches the user's own default.
ISNAD_STORE ?= $(CURDIR)/.isnad/store
export ISNAD_STORE

# Debian packages the build and the tests need:
#   liblmdb-dev  LMDB, the storage engine (CLMDB)
#   libedit-dev  line editing for the REPL
#   pkg-config   how SwiftPM finds both
#   python3      runs the reference tools in ../shared/tools during tests
DEB_PACKAGES := liblmdb-dev libedit-dev pkg-config python3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps demo test build release clean-demo

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

demo: release
	./.build/release/isnad ingest examples/corpus
	./.build/release/isnad stats

build: deps
	$(SWIFT) build

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

clean-demo:
	rm -rf .isnad
