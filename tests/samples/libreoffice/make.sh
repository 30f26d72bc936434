#!/bin/sh
# Remakes the files here: each seed written by baocao, then opened and saved
# again as .docx by LibreOffice (7.4.7 made the committed ones).
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
tmp=$(mktemp -d)
for seed in 000_28b43714a13a73f1 001_1a00eb9240ccd3d2; do
  cargo run --quiet --release --manifest-path "$root/Cargo.toml" -- \
    docx "$root/tests/seeds/$seed.txt" -o "$tmp/baocao-$seed.docx"
done
soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$here" "$tmp"/baocao-*.docx
rm -r "$tmp"
