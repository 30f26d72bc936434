#!/usr/bin/env python3
"""Checks the .docx files baocao writes with tools outside Rust.

1. `cargo test -p baocao-docx --test docx_files` writes both seeds' .docx and the hard cases
   (control characters, a 100,000-character paragraph, 1,000 footnotes, an
   empty report, detail tables) into target/tmp/docx-check/.
2. openxml-audit (PyPI) checks every file: no error of type "schema" and no
   style referenced but not defined. Other findings are printed.
3. LibreOffice converts the seeds (and the tables case) to PDF; pdftotext
   finds the Quốc hiệu on page 1, no page number on page 1, and on every
   later page its number in the header area (top margin); in the
   appendices case, each appendix's pages numbered again from 1, its first
   page bare, the wide one landscape.

Exit status 0 when everything holds, 1 otherwise. Run by `make test-docx`.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
FILES = os.path.join(TARGET, "tmp", "docx-check")
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
# The page number sits in the top margin (20 mm = 56.7 pt, header at 10 mm).
HEADER_AREA_PT = 56
SOFFICE_TIMEOUT_S = 300

failures = []


def fail(message):
    failures.append(message)
    print(f"  FAIL {message}")


def run(args, timeout=120, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout, **kwargs)


def write_files():
    print("== writing the .docx files (cargo test -p baocao-docx --test docx_files)")
    result = subprocess.run(
        ["cargo", "test", "-p", "baocao-docx", "--test", "docx_files", "--", "--nocapture", "--test-threads=1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    for line in result.stdout.splitlines():
        timing = re.search(r"docx \S+: \d+ bytes.*", line)
        if timing:
            print("  " + timing.group(0))
    if result.returncode != 0:
        print(result.stdout[-3000:], result.stderr[-3000:])
        sys.exit("cargo test -p baocao-docx --test docx_files failed")


def audit(path):
    name = os.path.basename(path)
    result = run(["openxml-audit", "-m", "0", "-o", "json", path])
    try:
        report = json.loads(result.stdout)[0]
    except (json.JSONDecodeError, IndexError) as e:
        fail(f"{name}: openxml-audit gave no JSON ({e}): {result.stderr[-500:]}")
        return
    errors = report.get("errors", [])
    schema = [e for e in errors if e.get("type") == "schema"]
    missing_style = [
        e for e in errors if re.search(r"[Ss]tyle .* not defined", e.get("description", ""))
    ]
    others = [e for e in errors if e not in schema and e not in missing_style]
    print(
        f"  {name}: {len(errors)} finding(s): {len(schema)} schema, "
        f"{len(missing_style)} missing style, {len(others)} other"
    )
    for e in others:
        print(f"      other: [{e.get('type')}] {e.get('description')}")
    for e in schema + missing_style:
        fail(f"{name}: [{e.get('type')}] {e.get('description')} at {e.get('part_uri')} {e.get('path')}")


def to_pdf(docx_paths, out_dir):
    # A profile of its own: soffice hangs when another instance holds the same one.
    profile = tempfile.mkdtemp(prefix="baocao-lo-profile-")
    try:
        result = run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                out_dir,
                *docx_paths,
            ],
            timeout=SOFFICE_TIMEOUT_S,
        )
        if result.returncode != 0:
            fail(f"soffice exited with {result.returncode}: {result.stderr[-500:]}")
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def pages(pdf):
    info = run(["pdfinfo", "-f", "1", "-l", "9999", pdf]).stdout
    sizes = re.findall(r"Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)", info)
    return [(int(n), float(w), float(h)) for n, w, h in sizes]


def text(pdf, page, area=None):
    args = ["pdftotext", "-f", str(page), "-l", str(page)]
    if area:
        width, height = area
        args += ["-x", "0", "-y", "0", "-W", str(int(width)), "-H", str(height)]
    return run(args + [pdf, "-"]).stdout


def check_pdf(pdf, must_have_on_page_1=()):
    name = os.path.basename(pdf)
    if not os.path.exists(pdf):
        fail(f"{name}: LibreOffice wrote no PDF")
        return
    numbered = pages(pdf)
    if len(numbered) < 2:
        fail(f"{name}: {len(numbered)} page(s), expected at least 2")
        return
    first = text(pdf, 1)
    if QUOC_HIEU not in first:
        fail(f"{name}: the Quốc hiệu is not on page 1")
    for needle in must_have_on_page_1:
        if needle not in first:
            fail(f"{name}: «{needle}» is not on page 1")
    _, w1, _ = numbered[0]
    top_of_page_1 = text(pdf, 1, (w1, HEADER_AREA_PT)).strip()
    if top_of_page_1:
        fail(f"{name}: page 1 shows «{top_of_page_1}» in its header; it must show no number")
    wrong = []
    for n, w, h in numbered[1:]:
        header = text(pdf, n, (w, HEADER_AREA_PT)).strip()
        if header != str(n):
            wrong.append(f"page {n} header «{header}»")
    if wrong:
        fail(f"{name}: " + "; ".join(wrong))
    landscape = [n for n, w, h in numbered if w > h]
    print(
        f"  {name}: {len(numbered)} pages, page 1 without number, pages 2–{len(numbered)} "
        f"numbered in the header" + (f", landscape: {landscape}" if landscape else "")
    )
    return numbered


def check_appendices(pdf):
    """Each appendix starts a page whose header shows no number, and its
    later pages are numbered again from 2; Phụ lục II (13 columns) is
    landscape."""
    name = os.path.basename(pdf)
    numbered = pages(pdf)
    if not numbered:
        fail(f"{name}: LibreOffice wrote no pages")
        return
    starts = {}
    for n, _, _ in numbered:
        t = text(pdf, n)
        if "KẾT QUẢ THU NGÂN SÁCH THEO XÃ" in t:
            starts.setdefault("I", n)
        if "THU NGÂN SÁCH THEO THÁNG" in t:
            starts.setdefault("II", n)
    if set(starts) != {"I", "II"}:
        fail(f"{name}: appendix titles found on pages {starts}")
        return
    first_pages = sorted(starts.values())
    wrong = []
    for n, w, h in numbered:
        section_start = max([1] + [s for s in first_pages if s <= n])
        expected = "" if n == section_start else str(n - section_start + 1)
        header = text(pdf, n, (w, HEADER_AREA_PT)).strip()
        if header != expected:
            wrong.append(f"page {n} header «{header}», expected «{expected}»")
    if wrong:
        fail(f"{name}: " + "; ".join(wrong))
    _, w2, h2 = numbered[starts["II"] - 1]
    if not w2 > h2:
        fail(f"{name}: Phụ lục II (13 columns) is not on a landscape page")
    print(
        f"  {name}: {len(numbered)} pages; Phụ lục I from page {starts['I']}, "
        f"Phụ lục II from page {starts['II']} (landscape), each numbered again from 1, "
        f"its first page bare"
    )


def main():
    write_files()
    docx = sorted(f for f in os.listdir(FILES) if f.endswith(".docx"))
    print(f"== openxml-audit on {len(docx)} files in {FILES}")
    for f in docx:
        audit(os.path.join(FILES, f))

    print("== LibreOffice: .docx → PDF, then pdftotext")
    out = tempfile.mkdtemp(prefix="baocao-pdf-")
    try:
        names = ["seed-000", "seed-001", "tables", "appendices"]
        to_pdf([os.path.join(FILES, n + ".docx") for n in names], out)
        check_pdf(os.path.join(out, "seed-000.pdf"))
        check_pdf(os.path.join(out, "seed-001.pdf"), ["Nghị quyết số 40-NQ/TU"])
        tables_pdf = os.path.join(out, "tables.pdf")
        tables = check_pdf(tables_pdf)
        if tables and not any(w > h for _, w, h in tables):
            fail("tables.pdf: the wide table did not get a landscape page")
        # The 60-row table runs over two pages; its header row repeats.
        if tables:
            with_rows = [n for n, _, _ in tables if "Chỉ tiêu thu số" in text(tables_pdf, n)]
            headed = [n for n in with_rows if "Ước thực hiện" in text(tables_pdf, n)]
            if len(with_rows) < 2 or headed != with_rows:
                fail(f"tables.pdf: rows on pages {with_rows}, header row on pages {headed}")
            else:
                print(f"  tables.pdf: the long table's header row repeats on pages {headed}")
        check_appendices(os.path.join(out, "appendices.pdf"))
        keep = os.environ.get("BAOCAO_KEEP_PDF")
        if keep:
            os.makedirs(keep, exist_ok=True)
            for f in os.listdir(out):
                shutil.copy(os.path.join(out, f), keep)
            print(f"  PDFs copied to {keep}")
    finally:
        shutil.rmtree(out, ignore_errors=True)

    if failures:
        print(f"== {len(failures)} failure(s)")
        return 1
    print("== all .docx checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
