# baocao: the two commands a newcomer needs are `make serve` and `make test`.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080

.PHONY: serve test dist setup setup-test lint test-native test-wasm test-e2e test-docx side-by-side clean bench single size-report

## make serve: build the release page and serve it on http://127.0.0.1:$(PORT)
serve: dist
	@echo "baocao đang chạy tại http://127.0.0.1:$(PORT)  (Ctrl+C để dừng)"
	@python3 -m http.server $(PORT) --bind 127.0.0.1 --directory dist

## make dist: the release site in dist/, to copy to any static web server
# With Leptos's `--cfg erase_components` (its size advice): the page's wasm is
# 20 KB gzipped smaller (441 -> 421 KB). In a target directory of its own, so
# the lints and wasm tests, built without it, do not rebuild everything.
dist: setup
	RUSTFLAGS="--cfg erase_components" CARGO_TARGET_DIR=target/erase trunk build --release

## make test: every test (formatting, lints, native, wasm in Chromium, .docx, end-to-end)
test: setup-test lint test-native test-wasm dist single test-docx test-e2e

setup:
	@scripts/setup.sh build

setup-test:
	@scripts/setup.sh test

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --workspace --exclude baocao-cli --lib -- -D warnings
	python3 scripts/check-layers.py

test-native:
	cargo test --workspace

# The storage layer against the real localStorage of headless Chromium.
test-wasm:
	CHROMEDRIVER=$$(command -v chromedriver) cargo test --target wasm32-unknown-unknown --test web_storage --test web_normalize

# The .docx of the seeds and of hard inputs, checked by openxml-audit and LibreOffice.
test-docx:
	python3 scripts/check-docx.py

# The built page in headless Chromium, driven by Playwright.
test-e2e:
	node --test --test-concurrency=1 tests/e2e/

## make single: dist-single/baocao.html, the whole page in one file that works from
## disk (file://) with no server and no network (see README.md)
single: dist
	python3 scripts/single.py

## make bench: the figures of issue 14, printed, never asserted: bytes fetched before
## the page is ready, the .docx of ~100 pages against docx.js 9, keystrokes, checks,
## and the native .docx writer on the same ~100 pages
bench: dist
	node scripts/bench.mjs
	node --test --test-concurrency=1 tests/e2e/performance.test.mjs 2>&1 | grep -E 'CPU|report:|keys as fast|keys a second|no script|editor height'
	cargo bench -p baocao-checks --bench checks
	cargo bench -p baocao-docx --bench write

## make size-report: what the page's wasm is made of, by crate (twiggy, installed
## under target/tools the first time); printed, never asserted
size-report: setup
	python3 scripts/size-report.py

clean:
	cargo clean
	rm -rf dist

# The samples of real offices next to what baocao writes from their text:
# page counts, agency and trích yếu lines, first pages as PNG (not in `test`).
side-by-side:
	python3 scripts/side-by-side.py
