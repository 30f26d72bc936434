#!/usr/bin/env bash
# Installs what building (and, with "test", testing) baocao needs, skipping
# whatever is already there. Everything comes from the package registries
# (crates.io, npm, Debian, PyPI); no tool downloads anything else at build time.
#
#   scripts/setup.sh build   Rust wasm target, Trunk, wasm-bindgen-cli, npm tools
#   scripts/setup.sh test    the same, plus Chromium, ChromeDriver, LibreOffice,
#                            poppler and openxml-audit
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# Must equal the wasm-bindgen version pinned in Cargo.toml.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
OPENXML_AUDIT_VERSION=0.8.0

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

export PATH="$HOME/.cargo/bin:$PATH"

need_rust_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
}

need_trunk() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "cargo install trunk $TRUNK_VERSION (about 10 minutes, once)"
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi
}

need_wasm_bindgen() {
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes, once)"
    # Not --locked: its lockfile names a webpki-roots version the registry lacks.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
}

need_npm_tools() {
  if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
     || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "npm ci (binaryen's wasm-opt, playwright-core, fflate)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

need_debian_packages() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v pdftotext >/dev/null || missing+=(poppler-utils)
  command -v soffice >/dev/null || missing+=(libreoffice-writer)
  [ -f /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ] || missing+=(fonts-liberation2)
  if [ ${#missing[@]} -gt 0 ]; then
    say "apt-get install ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

need_openxml_audit() {
  if ! python3 -m pip show openxml-audit 2>/dev/null | grep -qx "Version: $OPENXML_AUDIT_VERSION"; then
    say "pip install openxml-audit==$OPENXML_AUDIT_VERSION"
    python3 -m pip install --quiet --disable-pip-version-check "openxml-audit==$OPENXML_AUDIT_VERSION"
  fi
}

mode=${1:-build}
need_rust_target
need_trunk
need_wasm_bindgen
need_npm_tools
if [ "$mode" = test ]; then
  need_debian_packages
  need_openxml_audit
fi
say "ready ($mode)"
