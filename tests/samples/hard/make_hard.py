"""Makes the hand-made hard .docx files next to this script (python-docx 1.2).

    python3 tests/samples/hard/make_hard.py

Each file exercises one thing the .docx reader must get right; the Rust
tests (tests/docx_read.rs) say what must come out. The files are committed,
so the tests do not need Python.
"""

import base64
import copy
import os

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

HERE = os.path.dirname(os.path.abspath(__file__))
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def header(doc, summary="Tình hình tháng 3/2025, nhiệm vụ tháng 4/2025"):
    """A header block laid out as paragraphs (no table)."""
    for text in ["UBND THÀNH PHỐ LẠNG SƠN", "ỦY BAN NHÂN DÂN", "PHƯỜNG CHI LĂNG",
                 "Số: /BC-UBND", "Chi Lăng, ngày   tháng 3 năm 2025"]:
        doc.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("Độc lập - Tự do - Hạnh phúc").alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("BÁO CÁO").alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph(summary).alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("")


def closing(doc):
    doc.add_paragraph("Nơi nhận:")
    doc.add_paragraph("- UBND thành phố;")
    doc.add_paragraph("- Lưu: VT.")
    for text in ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A"]:
        doc.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.CENTER


def auto_numbered():
    """Headings numbered by Word (w:numPr → numbering.xml), not typed."""
    doc = Document()
    header(doc)
    numbering = doc.part.numbering_part.element
    abstract = parse_xml(f'''<w:abstractNum {W} w:abstractNumId="90">
      <w:multiLevelType w:val="multilevel"/>
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/><w:lvlJc w:val="left"/></w:lvl>
      <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3."/><w:lvlJc w:val="left"/></w:lvl>
      <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%4)"/><w:lvlJc w:val="left"/></w:lvl>
    </w:abstractNum>''')
    bullets = parse_xml(f'''<w:abstractNum {W} w:abstractNumId="91">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/><w:lvlJc w:val="left"/></w:lvl>
    </w:abstractNum>''')
    first_num = numbering.find(qn("w:num"))
    for a in (abstract, bullets):
        if first_num is not None:
            first_num.addprevious(a)
        else:
            numbering.append(a)
    numbering.append(parse_xml(f'<w:num {W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    numbering.append(parse_xml(f'<w:num {W} w:numId="91"><w:abstractNumId w:val="91"/></w:num>'))

    def numbered(text, level, num=90):
        p = doc.add_paragraph(text)
        p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        ppr = p._p.get_or_add_pPr()
        ppr.append(parse_xml(f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'))
        return p

    numbered("KẾT QUẢ THỰC HIỆN", 0)
    numbered("Kinh tế", 1)
    doc.add_paragraph("Thu ngân sách đạt 10.595 triệu đồng.")
    numbered("Xã hội", 1)
    numbered("Giáo dục", 2)
    numbered("Y tế", 2)
    numbered("Tiêm chủng", 3)
    numbered("Khám bệnh", 3)
    numbered("đã khám 120 lượt;", 0, num=91)
    numbered("NHIỆM VỤ THÁNG 4", 0)
    numbered("Tiếp tục thu ngân sách", 1)
    doc.add_paragraph("")
    closing(doc)
    doc.save(os.path.join(HERE, "auto-numbered.docx"))


def merged_cells():
    """A detail table: header over two rows, merged across and down."""
    doc = Document()
    header(doc)
    doc.add_paragraph("I. KẾT QUẢ")
    table = doc.add_table(rows=5, cols=4)
    table.style = "Table Grid"
    rows = table.rows
    a = rows[0].cells[0].merge(rows[1].cells[0])
    a.text = "STT"
    b = rows[0].cells[1].merge(rows[1].cells[1])
    b.text = "Chỉ tiêu"
    c = rows[0].cells[2].merge(rows[0].cells[3])
    c.text = "Kết quả"
    rows[1].cells[2].text = "Kế hoạch"
    rows[1].cells[3].text = "Thực hiện"
    rows[2].cells[0].text = "1"
    rows[2].cells[1].text = "Thu ngân sách"
    rows[2].cells[2].text = "32.900"
    rows[2].cells[3].text = "10.595"
    rows[3].cells[0].text = "2"
    d = rows[3].cells[1].merge(rows[4].cells[1])
    d.text = "Chi ngân sách"
    rows[3].cells[2].text = "26.217"
    rows[3].cells[3].text = "8.120"
    rows[4].cells[0].text = "3"
    rows[4].cells[2].text = "1.000"
    rows[4].cells[3].text = "900"
    for row in rows[:2]:
        trpr = row._tr.get_or_add_trPr()
        trpr.append(parse_xml(f'<w:tblHeader {W}/>'))
    doc.add_paragraph("")
    closing(doc)
    doc.save(os.path.join(HERE, "merged-cells.docx"))


def tracked_changes():
    """Tracked insertion and deletion, a PAGE field and a comment."""
    doc = Document()
    header(doc)
    doc.add_paragraph("I. KẾT QUẢ")
    p = doc.add_paragraph()
    p._p.append(parse_xml(f'<w:r {W}><w:t xml:space="preserve">Thu ngân sách đạt </w:t></w:r>'))
    p._p.append(parse_xml(
        f'<w:del {W} w:id="1" w:author="A" w:date="2025-03-01T00:00:00Z">'
        f'<w:r><w:delText>9.000</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(
        f'<w:ins {W} w:id="2" w:author="A" w:date="2025-03-01T00:00:00Z">'
        f'<w:r><w:t>10.595</w:t></w:r></w:ins>'))
    p._p.append(parse_xml(f'<w:r {W}><w:t xml:space="preserve"> triệu đồng, trang </w:t></w:r>'))
    # A complex field: instruction "PAGE", result "7".
    for xml in [
        f'<w:r {W}><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r {W}><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
        f'<w:r {W}><w:fldChar w:fldCharType="separate"/></w:r>',
        f'<w:r {W}><w:t>7</w:t></w:r>',
        f'<w:r {W}><w:fldChar w:fldCharType="end"/></w:r>',
        f'<w:r {W}><w:t>.</w:t></w:r>',
        f'<w:r {W}><w:commentReference w:id="0"/></w:r>',
    ]:
        p._p.append(parse_xml(xml))
    # A whole deleted paragraph's runs.
    q = doc.add_paragraph()
    q._p.append(parse_xml(
        f'<w:del {W} w:id="3" w:author="A" w:date="2025-03-01T00:00:00Z">'
        f'<w:r><w:delText>Đoạn đã xóa.</w:delText></w:r></w:del>'))
    r = doc.add_paragraph()
    r.add_run("Chi ngân sách ")
    r.add_run("đạt kế hoạch").bold = True
    r.add_run(" và ")
    r.add_run("vượt").italic = True
    r.add_run(" 230m")
    sup = r.add_run("2")
    sup.font.superscript = True
    r.add_run(" sân; CO")
    sub = r.add_run("2")
    sub.font.subscript = True
    r.add_run(".")
    doc.add_paragraph("")
    closing(doc)
    doc.save(os.path.join(HERE, "tracked-changes.docx"))


def legacy_fonts():
    """Paragraphs typed in TCVN3 (.VnTime, .VnTimeH) and VNI fonts."""
    doc = Document()
    header(doc)
    doc.add_paragraph("I. KẾT QUẢ")

    def run_in(p, text, font):
        r = p.add_run(text)
        r.font.name = font
        rpr = r._r.get_or_add_rPr()
        rfonts = rpr.find(qn("w:rFonts"))
        rfonts.set(qn("w:hAnsi"), font)
        return r

    # "Báo cáo tình hình kinh tế - xã hội" in TCVN3.
    run_in(doc.add_paragraph(), "B¸o c¸o t×nh h×nh kinh tÕ - x· héi.", ".VnTime")
    # "TỔNG KẾT" in the capitals font .VnTimeH (typed as lower-case codes).
    run_in(doc.add_paragraph(), "tæng kÕt", ".VnTimeH")
    # "Ủy ban nhân dân phường" in VNI.
    run_in(doc.add_paragraph(), "UÛy ban nhaân daân phöôøng.", "VNI-Times")
    doc.add_paragraph("")
    closing(doc)
    doc.save(os.path.join(HERE, "legacy-fonts.docx"))


# A 1x1 transparent PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")


def drawings():
    """An image and a text box: dropped from the report and counted."""
    doc = Document()
    header(doc)
    doc.add_paragraph("I. KẾT QUẢ")
    png = os.path.join(HERE, "pixel.png")
    with open(png, "wb") as f:
        f.write(PNG)
    doc.add_paragraph("Ảnh hiện trường:")
    doc.add_picture(png)
    os.remove(png)
    p = doc.add_paragraph("Trước hộp văn bản. ")
    # A text box as Word 2010+ writes it: DrawingML with a VML fallback.
    p._p.append(parse_xml(f'''<w:r {W}
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
        xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
        xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
        xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
        xmlns:v="urn:schemas-microsoft-com:vml">
      <mc:AlternateContent>
        <mc:Choice Requires="wps">
          <w:drawing><wp:anchor><wp:docPr id="5" name="Text Box 5"/>
            <a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
              <wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>CHỮ TRONG HỘP</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp>
            </a:graphicData></a:graphic></wp:anchor></w:drawing>
        </mc:Choice>
        <mc:Fallback>
          <w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>CHỮ TRONG HỘP</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict>
        </mc:Fallback>
      </mc:AlternateContent></w:r>'''))
    p.add_run("Sau hộp văn bản.")
    doc.add_paragraph("")
    closing(doc)
    doc.save(os.path.join(HERE, "drawings.docx"))


if __name__ == "__main__":
    auto_numbered()
    merged_cells()
    tracked_changes()
    legacy_fonts()
    drawings()
    print("ok")
