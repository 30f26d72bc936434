#!/usr/bin/env python3
"""What the page's wasm is made of, by crate, from twiggy (issue 14's size
figures). Builds the page's wasm as `make dist` does, keeps its function
names through wasm-bindgen and wasm-opt, and sums twiggy's shallow sizes by
the first crate each item names. Installs twiggy under target/tools the
first time (from crates.io). Prints; asserts nothing."""
import collections, csv, io, os, re, shutil, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOOLS = os.path.join(ROOT, 'target', 'tools')
OUT = os.path.join(ROOT, 'target', 'size-report')
WASM = os.path.join(ROOT, 'target', 'erase', 'wasm32-unknown-unknown', 'release', 'baocao-web.wasm')
# The features index.html gives wasm-opt for the page.
FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
            '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue', '--low-memory-unused']

LEPTOS = 'Leptos (leptos, tachys, reactive_graph, …)'
BINDGEN = 'wasm-bindgen, js-sys, web-sys'
STD = 'Rust core, alloc, std (with what they instantiate for the page)'
GROUPS = {c: LEPTOS for c in ['leptos', 'tachys', 'reactive_graph', 'leptos_dom', 'either_of', 'any_spawner',
                              'or_poisoned', 'throw_error', 'indexmap', 'slotmap', 'send_wrapper', 'guardian']}
GROUPS.update({c: BINDGEN for c in ['wasm_bindgen', 'js_sys', 'web_sys', 'wasm_bindgen_futures', 'wasm_streams']})
GROUPS.update({c: 'serde, serde_json' for c in ['serde', 'serde_core', 'serde_json', 'zmij', 'itoa']})
GROUPS.update({c: STD for c in ['core', 'alloc', 'std', 'hashbrown', 'dlmalloc']})


def run(*args):
    subprocess.run(args, check=True, cwd=ROOT)


def twiggy():
    found = shutil.which('twiggy') or os.path.join(TOOLS, 'bin', 'twiggy')
    if not os.path.exists(found):
        run('cargo', 'install', '--locked', '--quiet', 'twiggy', '--root', TOOLS)
    return found


def group(name):
    if name.startswith('data segment'):
        return 'data (the page\'s text, tables)'
    m = re.search(r'([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::', name)
    if not m:
        return '(unnamed)'
    crate = m.group(1)
    if crate == 'baocao_web':
        return 'the page: views and state (src/ui)'
    if crate.startswith('baocao_'):
        return 'the core: ' + crate[len('baocao_'):]
    return GROUPS.get(crate, '(other)')


def main():
    env = dict(os.environ, RUSTFLAGS='--cfg erase_components', CARGO_TARGET_DIR='target/erase')
    subprocess.run(['cargo', 'build', '--release', '--target', 'wasm32-unknown-unknown', '--bin', 'baocao-web', '-q'],
                   check=True, cwd=ROOT, env=env)
    shutil.rmtree(OUT, ignore_errors=True)
    run('wasm-bindgen', '--target', 'web', '--out-dir', OUT, WASM)
    named = os.path.join(OUT, 'named.wasm')
    run('wasm-opt', '-Oz', '-g', *FEATURES, os.path.join(OUT, 'baocao-web_bg.wasm'), '-o', named)
    table = subprocess.run([twiggy(), 'top', '-n', '1000000', '-f', 'csv', named],
                           check=True, capture_output=True, text=True).stdout
    sizes = collections.Counter()
    for row in csv.DictReader(io.StringIO(table)):
        name = row['Name']
        if 'subsection' in name or name.startswith('custom section'):
            continue  # the names kept for this report
        sizes[group(name)] += int(row['ShallowSize'])
    total = sum(sizes.values())
    print(f'The page\'s wasm, optimized as `make dist` does: {total:,} B of code and data (twiggy, shallow sizes)')
    for name, size in sizes.most_common(int(sys.argv[1]) if len(sys.argv) > 1 else 14):
        print(f'  {size:>9,} B  {100 * size / total:5.1f}%  {name}')
    print(f'Largest items: {twiggy()} top -n 30 {os.path.relpath(named, ROOT)}')


if __name__ == '__main__':
    main()
