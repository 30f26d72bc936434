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
The seeds (tests/seeds/*.txt) are written and measured too, with no original,
and so is the yearly hội report's text under the long agency name every
province now has ("BAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC, …", row long-agency),
which its office's file sets on three lines.

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


KINDS = ("BÁO CÁO", "KẾ HOẠCH", "TỜ TRÌNH", "THÔNG BÁO")


def summary_words(text_file):
    """How many words the trích yếu has, from the text that was imported:
    the lines after the tên loại up to a blank line, or the "V/v …" lines."""
    with open(text_file, encoding="utf-8-sig") as f:
        # Markdown seeds write "## **BÁO CÁO**".
        lines = [re.sub(r"^#+\s*", "", l.strip()).replace("**", "") for l in f.read().splitlines()]
    for i, line in enumerate(lines):
        if line.startswith("V/v") or line in KINDS:
            start = i if line.startswith("V/v") else i + 1
            words = 0
            for more in lines[start:]:
                if not more and not words:
                    continue
                if not more or more.startswith("Kính gửi") or more.startswith("CỘNG HÒA"):
                    break
                words += len(more.split())
            return words
    return None


def summary_lines(lines, words):
    """Lines of page 1 the trích yếu takes: from the line after the tên loại
    (or the "V/v" line, in the left column) until its words are all read."""
    if not words:
        return None
    for i, line in enumerate(lines):
        text = line.strip()
        vv = text.startswith("V/v")
        if vv or text in KINDS:
            split = line.find("V/v") + 45 if vv else None
            start = i if vv else i + 1
            count, seen = 0, 0
            for more in lines[start:]:
                part = more[:split] if split else more
                if not part.strip():
                    if count:
                        break
                    continue
                count += 1
                seen += len(part.split())
                if seen >= words:
                    break
            return count
    return None


def first_page_png(pdf, stem):
    run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, stem])
    return stem + ".png"


def show(n):
    return "—" if n is None else str(n)


LONG_AGENCY = "long-agency"
HOI = "bao-cao-quan-ly-hoi-nam-2025"


def long_agency_text(rows):
    """The yearly hội report's text under the long name every province now
    has, whose office's file gives it three lines in 5,104 twips."""
    source = os.path.join(OUT, HOI, "original.txt")
    if not os.path.exists(source):
        return None
    with open(source, encoding="utf-8-sig") as f:
        text = f.read()
    text = text.replace(
        "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\n",
        "BAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ\n",
        1,
    )
    path = os.path.join(OUT, "long-agency.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


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
    for src in samples + seeds + [LONG_AGENCY]:
        if src == LONG_AGENCY:
            src = long_agency_text(rows)
            if src is None:
                continue
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
        words = summary_words(text)
        for side, pdf in (("orig", original_pdf), ("ours", ours_pdf)):
            if pdf is None:
                row[side] = (None, None, None)
                continue
            lines = page_one(pdf)
            row[side] = (pages(pdf), agency_lines(lines), summary_lines(lines, words))
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
