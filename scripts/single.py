#!/usr/bin/env python3
"""`make single`: dist-single/baocao.html, the whole page in one file that
works opened from disk (file://), with no server and no network.

From the release build in dist/: the stylesheet and icon go inline; the
page's wasm-bindgen module goes into an inline module script with its wasm
as base64; the document worker (the .docx writer and reader) is started
from a blob built from its script and its wasm, also carried as base64. No
service worker, no manifest (neither works on file://). The
Content-Security-Policy allows the inline scripts by their hashes
(scripts/csp-hash.py), `blob:` workers, and nothing from the network.
"""
import base64
import glob
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
csp_hash = __import__("csp-hash")

DIST = "dist"
OUT_DIR = "dist-single"


def read(path, mode="r"):
    with open(path, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as f:
        return f.read()


def one(pattern):
    found = [p for p in glob.glob(os.path.join(DIST, pattern)) if "worker" not in p]
    if len(found) != 1:
        sys.exit(f"single: expected one {pattern} in {DIST}/, found {found}; run `make dist` first")
    return found[0]


def b64(path):
    return base64.b64encode(read(path, "rb")).decode("ascii")


def main():
    html = read(os.path.join(DIST, "index.html"))
    glue = read(one("baocao-web-*.js"))
    wasm = one("baocao-web-*_bg.wasm")
    css = read(one("main-*.css"))
    icon = one("favicon-*.svg")
    worker_js = read(os.path.join(DIST, "baocao-worker.js"))
    worker_wasm = os.path.join(DIST, "baocao-worker_bg.wasm")
    for text in (glue, worker_js, css):
        if "</script" in text or "</style" in text:
            sys.exit("single: a file to inline closes its element early")

    # The module's exports become plain declarations of the inline module.
    glue = re.sub(r"^export \{[^}]*\};?\s*$", "", glue, flags=re.M)
    glue = re.sub(r"^export (class|function|const|let|async function) ", r"\1 ", glue, flags=re.M)
    if re.search(r"^(export|import) ", glue, flags=re.M):
        sys.exit("single: the wasm-bindgen module has imports or exports this script does not know")

    # Links and scripts of the served page that do not apply here.
    html = re.sub(r'\s*<link rel="(stylesheet|modulepreload|preload|manifest)"[^>]*>', "", html)
    html = re.sub(r'\s*<script src="\./register-sw\.js"></script>', "", html)
    html = re.sub(r'<script type="module">.*?</script>', "", html, flags=re.S)
    html = re.sub(
        r'<link rel="icon" href="[^"]*"[^>]*/?>',
        '<link rel="icon" href="data:image/svg+xml;base64,%s"/>' % b64(icon),
        html,
    )
    # Blob workers, and nothing else than what the file carries.
    html = html.replace("connect-src 'self'", "connect-src 'none'; worker-src blob:")

    loader = """
const bytes = (id) => Uint8Array.from(atob(document.getElementById(id).textContent), (c) => c.charCodeAt(0));
{
  // The document worker from a blob: its script, then its wasm from the page.
  const script = document.getElementById('baocao-worker-js').textContent;
  const wasm = document.getElementById('baocao-worker-wasm').textContent;
  const source = script + '\\nwasm_bindgen({ module_or_path: Uint8Array.from(atob(' + JSON.stringify(wasm) + '), (c) => c.charCodeAt(0)) });\\n';
  document.documentElement.dataset.workerUrl = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
}
%s
await __wbg_init({ module_or_path: bytes('baocao-web-wasm') });
""" % glue
    body = "\n".join([
        '<style>\n%s\n</style>' % css,
        '<script type="application/octet-stream" id="baocao-web-wasm">%s</script>' % b64(wasm),
        '<script type="text/plain" id="baocao-worker-js">%s</script>' % worker_js,
        '<script type="application/octet-stream" id="baocao-worker-wasm">%s</script>' % b64(worker_wasm),
        '<script type="module">%s</script>' % loader,
    ])
    html = html.replace("</head>", body + "\n</head>", 1)
    html = csp_hash.with_hashes(html)
    os.makedirs(OUT_DIR, exist_ok=True)
    out = os.path.join(OUT_DIR, "baocao.html")
    with open(out, "w", encoding="utf-8") as f:
        f.write(html)
    print(f"{out}: {os.path.getsize(out)} B")


if __name__ == "__main__":
    main()
