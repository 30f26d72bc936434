#!/usr/bin/env python3
"""Trunk's post-build hook (Trunk.toml): the page's Content-Security-Policy
allows its inline scripts by their SHA-256 hashes instead of 'unsafe-inline'.

Trunk writes the loader of the page's wasm as an inline module script; its
text changes with every build (hashed file names), so its hash is computed
here, on the built index.html in Trunk's staging directory, and put in place
of the 'unsafe-inline' source of `script-src`. Also used by `make single` on
the single-file page (`scripts/csp-hash.py FILE`).
"""
import base64
import hashlib
import os
import re
import sys


def inline_scripts(html):
    """The texts of the <script> elements without a src attribute."""
    for m in re.finditer(r"<script\b([^>]*)>(.*?)</script>", html, re.S):
        if "src=" not in m.group(1):
            yield m.group(2)


def with_hashes(html):
    hashes = sorted({
        "'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode()
        for s in inline_scripts(html)
    })

    def fix(m):
        policy = m.group(0)
        script_src = re.search(r"script-src[^;\"]*", policy).group(0)
        # Hashes of an earlier pass are dropped: the scripts are these.
        sources = [s for s in script_src.split()[1:]
                   if s != "'unsafe-inline'" and not s.startswith("'sha256-")]
        for h in hashes:
            if h not in sources:
                sources.append(h)
        return policy.replace(script_src, " ".join(["script-src"] + sources))

    out, n = re.subn(r'<meta http-equiv="Content-Security-Policy"[^>]*>', fix, html, flags=re.S)
    if n != 1:
        sys.exit("csp-hash: no Content-Security-Policy meta element in the page")
    return out


def main():
    if len(sys.argv) > 1:
        path = sys.argv[1]
    else:
        path = os.path.join(os.environ["TRUNK_STAGING_DIR"], "index.html")
    with open(path, encoding="utf-8") as f:
        html = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(with_hashes(html))


if __name__ == "__main__":
    main()
