# Broadsheet. `make run` builds and serves the site; `make test` runs every
# test, the browser tests in headless Chromium included.

GO        ?= go
BASE      ?= /
ADDR      ?= :8000
# CORPUS is a collection folder (the output of `broadsheet ingest`); empty
# means the seed collection built into the binary.
CORPUS    ?=
CHROMIUM  ?= /usr/bin/chromium

BIN       := bin/broadsheet
WASM      := web/app.wasm
COLLECTION_FLAG := $(if $(CORPUS),-collection $(CORPUS),)

.PHONY: all run static wasm bin test test-go test-wasm fuzz chromium bench clean

all: static

# -trimpath and a fixed toolchain make the wasm byte-identical between builds.
wasm:
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o $(WASM) ./cmd/broadsheet

bin:
	$(GO) build -trimpath -o $(BIN) ./cmd/broadsheet

static: wasm bin
	$(BIN) build -o dist -base $(BASE) $(COLLECTION_FLAG)

run: static
	$(BIN) serve -dir dist -addr $(ADDR)

chromium:
	@test -x $(CHROMIUM) || { echo "installing Chromium (apt-get)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: chromium wasm
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./app/... ./data ./cmd/broadsheet
	$(MAKE) test-wasm
	CHROMIUM=$(CHROMIUM) $(GO) test -count=1 ./...

# The pure packages also run as wasm under Node, as they do in the browser.
test-wasm:
	@if command -v node >/dev/null; then \
		PATH="$$($(GO) env GOROOT)/lib/wasm:$$PATH" GOOS=js GOARCH=wasm $(GO) test -count=1 ./app/text/ ./app/search/ ./app/timeline/ ./data/; \
	else echo "node not found: skipping the wasm run of the pure packages"; fi

bench: wasm bin
	@echo "app.wasm: $$(stat -c %s $(WASM)) bytes raw, $$($(BIN) size $(WASM) 2>/dev/null || gzip -9c $(WASM) | wc -c) compressed"
	$(GO) test -run '^$$' -bench . -benchmem ./app/... ./data/...

clean:
	rm -rf bin dist $(WASM)
