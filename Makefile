# Broadsheet. `make run` builds and serves the site; `make test` runs every
# test, the browser tests in headless Chromium included.

GO        ?= go
BASE      ?= /
ADDR      ?= :8000
# CORPUS is a collection folder (the output of `broadsheet ingest`); empty
# means the seed collection built into the binary.
CORPUS    ?=
CHROMIUM  ?= /usr/bin/chromium
# axe-core, injected by the browser tests to check accessibility; installed
# from the npm registry into bin/ (not committed).
AXE_VERSION ?= 4.14.1
AXE_JS    := bin/npm/node_modules/axe-core/axe.min.js

BIN       := bin/broadsheet
WASM      := web/app.wasm
COLLECTION_FLAG := $(if $(CORPUS),-collection $(CORPUS),)

.PHONY: all run static wasm bin test test-wasm fuzz chromium bench clean

all: static

# -trimpath and a fixed toolchain make the wasm byte-identical between builds.
# Without inlining (-l) the wasm is 8% larger raw but 9% smaller compressed
# (1,779 KB -> 1,629 KB brotli, measured), and compressed is what a reader
# downloads; search and rendering pay about 1.5x in CPU (README, "Sizes").
# cmd/broadsheet/browser_test.go and internal/wasmsize build with the same.
WASM_FLAGS := -trimpath -ldflags='-s -w' -gcflags=all=-l
wasm:
	GOOS=js GOARCH=wasm $(GO) build $(WASM_FLAGS) -o $(WASM) ./cmd/broadsheet

bin:
	$(GO) build -trimpath -o $(BIN) ./cmd/broadsheet

static: wasm bin
	$(BIN) build -o dist -base $(BASE) $(COLLECTION_FLAG)

run: static
	$(BIN) serve -dir dist -addr $(ADDR) -base $(BASE)

chromium:
	@test -x $(CHROMIUM) || { echo "installing Chromium (apt-get)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

$(AXE_JS):
	npm install --silent --no-save --no-package-lock --prefix bin/npm axe-core@$(AXE_VERSION)

test: chromium wasm $(AXE_JS)
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./app/... ./data ./cmd/broadsheet
	$(MAKE) test-wasm
	$(MAKE) fuzz
	CHROMIUM=$(CHROMIUM) AXE_JS=$(CURDIR)/$(AXE_JS) $(GO) test -count=1 -timeout 30m ./...

# Each fuzz target runs briefly on top of its committed seed corpus (the
# seeds alone also run in every plain `go test`). Go's fuzzer now and then
# ends a very short run with "context deadline exceeded" although nothing
# failed; such a target is run once more, and only a second failure counts.
FUZZTIME ?= 2s
fuzz:
	@for pkg in $$(grep -rl --include='*_test.go' '^func Fuzz' . | xargs -n1 dirname | sort -u); do \
		for f in $$(grep -ho '^func Fuzz[A-Za-z0-9_]*' $$pkg/*_test.go | sed 's/func //'); do \
			echo "fuzz $$pkg $$f"; \
			$(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg >/tmp/broadsheet-fuzz.log 2>&1 || { \
				echo "  $$f: first run failed, once more:"; sed 's/^/  | /' /tmp/broadsheet-fuzz.log | tail -5; \
				$(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; }; \
		done; \
	done

# The pure packages also run as wasm under Node, as they do in the browser.
test-wasm:
	@if command -v node >/dev/null; then \
		PATH="$$($(GO) env GOROOT)/lib/wasm:$$PATH" GOOS=js GOARCH=wasm $(GO) test -count=1 ./app/text/ ./app/search/ ./app/timeline/ ./app/datafile/ ./app/bundle/ ./data/; \
	else echo "node not found: skipping the wasm run of the pure packages"; fi

# Speed and size, printed as tables (figures in the README come from here).
# Nothing here asserts a time: the machines are shared and noisy.
bench: static
	@echo "== app.wasm: $$(stat -c %s dist/web/app.wasm) B raw, $$(stat -c %s dist/web/app.wasm.br) B brotli, $$(stat -c %s dist/web/app.wasm.gz) B gzip"
	BROADSHEET_BENCH=1 $(GO) test -count=1 -run TestBreakdown -v ./cmd/broadsheet/internal/wasmsize/ | grep -v '^=== RUN'
	$(GO) test -run '^$$' -bench . -benchmem ./app/... ./data/...
	@echo "== the search latency table in wasm, under Node, built as shipped (-l)"
	PATH="$$($(GO) env GOROOT)/lib/wasm:$$PATH" GOOS=js GOARCH=wasm $(GO) test -gcflags=all=-l -run '^$$' -bench 'Latency/(seed|bbc10k)$$' ./app/search/
	$(GO) test -run '^$$' -bench . -benchmem ./cmd/broadsheet/internal/entities/ ./cmd/broadsheet/internal/events/
	$(GO) test -run '^$$' -bench Load -benchtime 1x ./cmd/broadsheet/internal/server/
	BROADSHEET_BENCH=1 $(GO) test -count=1 -timeout 30m -run 'TestKeystroke' -v ./cmd/broadsheet/ | grep -v '^=== RUN'
	$(GO) test -run '^$$' -bench FirstLoad -benchtime 3x -timeout 60m ./cmd/broadsheet/
# BenchmarkScale builds and loads a site for each size in BROADSHEET_SCALE
# (articles of corpus.FullText, comma-separated; default 2000,10000): today's
# design does not build 100000 on a 23 GB machine.
	BROADSHEET_SCALE=$${BROADSHEET_SCALE:-2000,10000} $(GO) test -run '^$$' -bench Scale -benchtime 1x -timeout 120m ./cmd/broadsheet/

clean:
	rm -rf bin dist $(WASM)
