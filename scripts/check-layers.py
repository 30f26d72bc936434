#!/usr/bin/env python3
"""The layers of baocao, checked on the manifests (`make lint`).

Each crate may depend only on the crates below it; the model on none of
ours; no core crate (anything but the web page) on the browser layer, on
any target. A new dependency that breaks this fails the build here, before
review: the compiler forbids cycles, this forbids upward and sideways edges.
"""
import json
import subprocess
import sys

# Which of our crates each crate may use (normal dependencies).
ALLOWED = {
    "baocao-model": set(),
    "baocao-import": {"baocao-model"},
    "baocao-checks": {"baocao-model"},
    "baocao-docx": {"baocao-model"},
    "baocao-drafts": {"baocao-model"},
    "baocao-session": {"baocao-model", "baocao-import", "baocao-drafts"},
    "baocao-cli": {"baocao-model", "baocao-checks", "baocao-docx", "baocao-session"},
    "baocao-web": {
        "baocao-model", "baocao-import", "baocao-checks", "baocao-docx",
        "baocao-drafts", "baocao-session",
    },
    "baocao-testdata": set(),
}
BROWSER = ("leptos", "web-sys", "gloo", "wasm-bindgen-futures", "console_error_panic_hook")


def main():
    meta = json.loads(subprocess.check_output(
        ["cargo", "metadata", "--format-version", "1", "--no-deps"], text=True))
    ours = {p["name"] for p in meta["packages"]}
    problems = []
    for p in meta["packages"]:
        name = p["name"]
        if name not in ALLOWED:
            problems.append(f"{name}: not in the layer table of scripts/check-layers.py")
            continue
        for d in p["dependencies"]:
            if d["kind"] is not None:  # dev and build dependencies may reach further
                continue
            if d["name"] in ours and d["name"] not in ALLOWED[name]:
                problems.append(f"{name} -> {d['name']}: not a layer below it")
            if name != "baocao-web" and d["name"].startswith(BROWSER):
                problems.append(f"{name} -> {d['name']}: a core crate uses the browser layer")
    # The whole tree, not only direct dependencies, for the page's target.
    for name in ALLOWED:
        if name in ("baocao-web", "baocao-cli", "baocao-testdata"):
            continue
        tree = subprocess.check_output(
            ["cargo", "tree", "-p", name, "-e", "normal", "--prefix", "none",
             "--target", "wasm32-unknown-unknown"], text=True)
        for line in tree.splitlines():
            dep = line.split(" ")[0]
            if dep.startswith(BROWSER):
                problems.append(f"{name} reaches {dep} on wasm32")
    if problems:
        print("layers broken:\n  " + "\n  ".join(sorted(set(problems))))
        sys.exit(1)
    print(f"layers: {len(ALLOWED)} crates, every dependency points down")


if __name__ == "__main__":
    main()
