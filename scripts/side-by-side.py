#!/usr/bin/env python3
"""The .docx of real offices next to what baocao writes from their text.

For each sample .docx (default: ../shared/samples/*.docx, or the files given
on the command line):
  1. extract its text with LibreOffice ("txt:Text (encoded):UTF8"),
  2. write that text as a .docx with `baocao docx` (the .docx reader is not
     there yet: text is what the importer takes today),
  3. render both to PDF with LibreOffice,
  4. print the page counts, and from `pdftotext -layout` of page 1 how many
     lines the agency name and the trích yếu take in each,
  5. write a PNG of both first pages side by side (original left, baocao
     right) for a person to look at.
The seeds (tests/seeds/*.txt) are written and measured too, with no original.

Not part of `make test` (it takes a minute of LibreOffice); run it with
`make side-by-side`. Output goes to target/side-by-side/.
Needs soffice, pdftotext, pdfinfo, pdftoppm and ImageMagick's `convert`.
"""

import glob
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "target", "side-by-side")
SAMPLES = os.path.join(ROOT, "..", "shared", "samples")


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


def soffice(fmt, src, outdir):
    run(["soffice", "--headless", "--convert-to", fmt, "--outdir", outdir, src])


def pages(pdf):
    info = run(["pdfinfo", pdf]).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def page_one(pdf):
    return run(["pdftotext", "-layout", "-f", "1", "-l", "1", pdf, "-"]).stdout.splitlines()


def is_rule(text):
    return re.fullmatch(r"[_\-–—.\s]*", text) is not None


def agency_lines(lines):
    """Lines of the left header column above "Số:" (the agency names)."""
    split = None
    for line in lines:
        for mark in ("CỘNG HÒA", "CỘNG HOÀ", "Độc lập"):
            i = line.find(mark)
            if i > 0:
                split = i if split is None else min(split, i)
    if split is None:
        return None
    count = 0
    for line in lines:
        if "Số:" in line[: split + 5]:
            break
        left = line[:split].strip()
        if left and not is_rule(left):
            count += 1
    return count


def summary_lines(lines):
    """Lines of the trích yếu: centred lines after the tên loại, or the
    "V/v …" lines of a công văn in the left column."""
    for i, line in enumerate(lines):
        text = line.strip()
        if text.startswith("V/v"):
            start = line.find("V/v")
            split = start + 45
            count = 0
            for more in lines[i:]:
                left = more[:split].strip()
                if not left or is_rule(left) or left.startswith("Kính gửi"):
                    break
                count += 1
            return count
        if text in ("BÁO CÁO", "KẾ HOẠCH", "TỜ TRÌNH", "THÔNG BÁO"):
            count = 0
            for more in lines[i + 1 :]:
                t = more.strip()
                indent = len(more) - len(more.lstrip())
                if not t or is_rule(t) or indent < 10:
                    break
                count += 1
            return count
    return None


def first_page_png(pdf, stem):
    run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, stem])
    return stem + ".png"


def show(n):
    return "—" if n is None else str(n)


def main():
    for tool in ("soffice", "pdftotext", "pdfinfo", "pdftoppm", "convert"):
        if shutil.which(tool) is None:
            sys.exit(f"side-by-side: {tool} is missing (scripts/setup.sh test; apt-get install imagemagick)")
    os.makedirs(OUT, exist_ok=True)
    run(["cargo", "build", "-q", "-p", "baocao-cli"], cwd=ROOT)
    baocao = os.path.join(ROOT, "target", "debug", "baocao")

    samples = sys.argv[1:] or sorted(glob.glob(os.path.join(SAMPLES, "*.docx")))
    seeds = sorted(glob.glob(os.path.join(ROOT, "tests", "seeds", "*.txt")))
    rows = []
    for src in samples + seeds:
        name = os.path.splitext(os.path.basename(src))[0]
        work = os.path.join(OUT, name)
        os.makedirs(work, exist_ok=True)
        original_pdf = None
        if src.endswith(".docx"):
            shutil.copy(src, os.path.join(work, "original.docx"))
            soffice("txt:Text (encoded):UTF8", os.path.join(work, "original.docx"), work)
            soffice("pdf", os.path.join(work, "original.docx"), work)
            original_pdf = os.path.join(work, "original.pdf")
            text = os.path.join(work, "original.txt")
        else:
            text = src
        ours = os.path.join(work, "baocao.docx")
        run([baocao, "docx", text, "-o", ours])
        soffice("pdf", ours, work)
        ours_pdf = os.path.join(work, "baocao.pdf")

        row = {"name": name}
        for side, pdf in (("orig", original_pdf), ("ours", ours_pdf)):
            if pdf is None:
                row[side] = (None, None, None)
                continue
            lines = page_one(pdf)
            row[side] = (pages(pdf), agency_lines(lines), summary_lines(lines))
        ours_png = first_page_png(ours_pdf, os.path.join(work, "baocao-p1"))
        if original_pdf:
            orig_png = first_page_png(original_pdf, os.path.join(work, "original-p1"))
            both = os.path.join(OUT, name + ".png")
            run(["convert", orig_png, ours_png, "+append", both])
        else:
            both = os.path.join(OUT, name + ".png")
            shutil.copy(ours_png, both)
        row["png"] = both
        rows.append(row)

    print(f"{'file':40} {'pages':>11} {'agency lines':>13} {'trích yếu lines':>16}")
    print(f"{'':40} {'orig ours':>11} {'orig ours':>13} {'orig ours':>16}")
    for r in rows:
        o, u = r["orig"], r["ours"]
        print(
            f"{r['name'][:40]:40} {show(o[0]):>5} {show(u[0]):>5} "
            f"{show(o[1]):>6} {show(u[1]):>6} {show(o[2]):>8} {show(u[2]):>7}"
        )
    print()
    for r in rows:
        print(r["png"])


if __name__ == "__main__":
    main()
