#!/usr/bin/env python3
"""Trunk's post-build hook (Trunk.toml), before csp-hash.py: the page's
stylesheet and wasm-bindgen's JavaScript glue without their comments and
indentation, which the browser never needs (issue 14: the bytes fetched
before the page is ready; about 2.7 KB gzipped of the two).

Only what is certain to mean nothing is dropped: CSS comments, JavaScript
comment lines (`//` or `/* ... */` standing alone on their lines; the glue
has no multi-line strings), leading and trailing blanks of each line and
empty lines. Line breaks stay, so the JavaScript reads the same. The files
keep their names; the `integrity` hashes Trunk wrote in index.html are
recomputed for the new bytes. Also `scripts/slim.py DIR` on a built dist/.
"""
import base64
import glob
import hashlib
import os
import re
import sys


def slim_css(text):
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return "\n".join(line.strip() for line in text.split("\n") if line.strip()) + "\n"


def slim_js(text):
    text = re.sub(r"^[ \t]*/\*.*?\*/[ \t]*\n", "", text, flags=re.S | re.M)
    lines = (line.strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line and not line.startswith("//")) + "\n"


def integrity(data):
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.environ["TRUNK_STAGING_DIR"]
    index = os.path.join(folder, "index.html")
    with open(index, encoding="utf-8") as f:
        html = f.read()
    files = [(p, slim_css) for p in glob.glob(os.path.join(folder, "main-*.css"))]
    files += [(p, slim_js) for p in glob.glob(os.path.join(folder, "baocao-web-*.js"))]
    if len(files) != 2:
        sys.exit("slim: expected one stylesheet and one page glue, found %d files" % len(files))
    for path, slim in files:
        with open(path, "rb") as f:
            before = f.read()
        after = slim(before.decode("utf-8")).encode("utf-8")
        with open(path, "wb") as f:
            f.write(after)
        name = re.escape(os.path.basename(path))
        pattern = r'(href="\./%s"[^>]*?integrity=")(sha384-[A-Za-z0-9+/=]+)(")' % name
        html, n = re.subn(pattern, lambda m: m.group(1) + integrity(after) + m.group(3), html)
        if n < 1:
            sys.exit("slim: no integrity for %s in index.html" % os.path.basename(path))
    with open(index, "w", encoding="utf-8") as f:
        f.write(html)


if __name__ == "__main__":
    main()
