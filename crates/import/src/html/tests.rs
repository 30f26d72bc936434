//! The HTML reader on clipboard fragments written the way Word, LibreOffice,
//! Google Docs and browsers write them. Expected values are written by hand.

use super::*;
use baocao_model::{Block, Level};

fn bold() -> Style {
    Style {
        bold: true,
        ..Style::default()
    }
}

fn italic() -> Style {
    Style {
        italic: true,
        ..Style::default()
    }
}

fn paragraphs(r: &Report) -> Vec<Vec<Inline>> {
    let mut out = Vec::new();
    r.body.visit(&mut |v| {
        if let baocao_model::Visit::Block(_, Block::Paragraph(p)) = v {
            out.push(p.inlines.clone());
        }
    });
    out
}

/// Word (Windows) puts this on the clipboard for two paragraphs with two
/// footnotes, bold and italic (trimmed of most of its style sheet).
pub(crate) const WORD: &str = r##"<html xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8">
<style><!-- p.MsoNormal {margin:0cm; font-size:14.0pt;} --></style>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->
</head>
<body lang=VI style='tab-interval:36.0pt'>
<!--StartFragment-->
<p class=MsoNormal style='text-align:justify'>Thu ngân sách đạt <b>1.200 triệu
đồng</b><a style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1" title=""><span
class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]><span
class=MsoFootnoteReference><span style='font-size:14.0pt'>[1]</span></span><![endif]></span></span></a>,
t&#259;ng <i>5%</i> so v&#7899;i cùng k&#7923;.<o:p></o:p></p>
<p class=MsoNormal><span style='font-weight:bold'>Chi</span> th&#432;&#7901;ng xuyên&nbsp;b&#7843;o
&#273;&#7843;m<a style='mso-footnote-id:ftn2' href="#_ftn2" name="_ftnref2" title=""><span
class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]>[2]<![endif]></span></span></a>.<o:p>&nbsp;</o:p></p>
<div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all>
<hr align=left size=1 width="33%">
<![endif]>
<div style='mso-element:footnote' id=ftn1>
<p class=MsoFootnoteText><a style='mso-footnote-id:ftn1' href="#_ftnref1" name="_ftn1" title=""><span
class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]><span
class=MsoFootnoteReference>[1]</span><![endif]></span></span></a> Theo s&#7889; li&#7879;u c&#7911;a <i>Kho b&#7841;c</i>.<o:p></o:p></p>
</div>
<div style='mso-element:footnote' id=ftn2>
<p class=MsoFootnoteText><a style='mso-footnote-id:ftn2' href="#_ftnref2" name="_ftn2" title=""><span
class=MsoFootnoteReference>[2]</span></a> Ch&#432;a g&#7891;m chi &#273;&#7847;u t&#432;.<o:p></o:p></p>
</div>
</div>
<!--EndFragment-->
</body>
</html>"##;

#[test]
fn word_footnotes_bold_and_italic() {
    let doc = read_html(WORD).expect("read");
    let r = doc.fragment(1);
    let paras = paragraphs(&r);
    assert_eq!(
        paras,
        vec![
            vec![
                Inline::text("Thu ngân sách đạt "),
                Inline::styled("1.200 triệu đồng", bold()),
                Inline::Note(FootnoteId(1)),
                Inline::text(", tăng "),
                Inline::styled("5%", italic()),
                Inline::text(" so với cùng kỳ."),
            ],
            vec![
                Inline::styled("Chi", bold()),
                Inline::text(" thường xuyên bảo đảm"),
                Inline::Note(FootnoteId(2)),
                Inline::text("."),
            ],
        ]
    );
    assert_eq!(r.footnotes.len(), 2);
    assert_eq!(r.footnotes[0].id, FootnoteId(1));
    assert_eq!(
        r.footnotes[0].content,
        vec![
            Inline::text("Theo số liệu của "),
            Inline::styled("Kho bạc", italic()),
            Inline::text("."),
        ]
    );
    assert_eq!(plain_text(&r.footnotes[1].content), "Chưa gồm chi đầu tư.");
}

#[test]
fn libreoffice_footnotes() {
    let html = r##"<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">
<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"/>
<title></title><style type="text/css">p { margin-bottom: 0.25cm }</style></head>
<body lang="vi-VN" dir="ltr"><p style="margin-bottom: 0cm">Cấp mới 12 giấy phép<a class="sdfootnoteanc" name="sdfootnote1anc" href="#sdfootnote1sym"><sup>1</sup></a>
và thu hồi 2<a class="sdfootnoteanc" name="sdfootnote2anc" href="#sdfootnote2sym"><sup>2</sup></a>.</p>
<div id="sdfootnote1"><p class="sdfootnote"><a class="sdfootnotesym" name="sdfootnote1sym" href="#sdfootnote1anc">1</a>Giấy phép xây dựng.</p>
</div><div id="sdfootnote2"><p class="sdfootnote"><a class="sdfootnotesym" name="sdfootnote2sym" href="#sdfootnote2anc">2</a>Do quá hạn.</p>
</div></body></html>"##;
    let r = read_html(html).expect("read").fragment(1);
    assert_eq!(
        paragraphs(&r),
        vec![vec![
            Inline::text("Cấp mới 12 giấy phép"),
            Inline::Note(FootnoteId(1)),
            Inline::text(" và thu hồi 2"),
            Inline::Note(FootnoteId(2)),
            Inline::text("."),
        ]]
    );
    let notes: Vec<String> = r.footnotes.iter().map(|f| plain_text(&f.content)).collect();
    assert_eq!(notes, ["Giấy phép xây dựng.", "Do quá hạn."]);
}

#[test]
fn google_docs_footnotes_and_its_normal_weight_wrapper() {
    let html = r##"<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1"><p dir="ltr"><span style="font-weight:400;">Đã tiếp </span><span style="font-weight:700;">15 lượt</span><sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup><span>.</span></p><div><p><a href="#ftnt_ref1" id="ftnt1">[1]</a><span> Tại trụ sở tiếp công dân.</span></p></div></b>"##;
    let r = read_html(html).expect("read").fragment(1);
    assert_eq!(
        paragraphs(&r),
        vec![vec![
            Inline::text("Đã tiếp "),
            Inline::styled("15 lượt", bold()),
            Inline::Note(FootnoteId(1)),
            Inline::text("."),
        ]]
    );
    assert_eq!(
        plain_text(&r.footnotes[0].content),
        "Tại trụ sở tiếp công dân."
    );
}

#[test]
fn headings_lists_and_word_list_labels_become_the_outline() {
    let html = "<h1>I. KẾT QUẢ ĐẠT ĐƯỢC</h1>\
        <p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>Kinh tế</p>\
        <p>Sản xuất ổn định.</p>\
        <ol type=a><li>Nông nghiệp</li><li>Công nghiệp</li></ol>\
        <ul><li>một ý</li></ul>";
    let r = read_html(html).expect("read").fragment(1);
    let part = &r.body.sections[0];
    assert_eq!(part.heading.level, Level::Part);
    assert_eq!(part.heading.number, "I");
    assert_eq!(plain_text(&part.heading.title), "KẾT QUẢ ĐẠT ĐƯỢC");
    let item = &part.children[0];
    assert_eq!(item.heading.level, Level::Item);
    assert_eq!(plain_text(&item.heading.title), "Kinh tế");
    let points: Vec<String> = item
        .children
        .iter()
        .map(|s| format!("{}) {}", s.heading.number, plain_text(&s.heading.title)))
        .collect();
    assert_eq!(points, ["a) Nông nghiệp", "b) Công nghiệp"]);
    let last = paragraphs(&r).pop().unwrap();
    assert_eq!(plain_text(&last), "- một ý");
}

#[test]
fn a_table_with_merged_cells() {
    let html = "<table border=1><tr><th rowspan=2>TT</th><th colspan=2>Kết quả</th></tr>\
        <tr><th>Kế hoạch</th><th>Thực hiện</th></tr>\
        <tr><td>1</td><td>100</td><td>95</td></tr></table>";
    let r = read_html(html).expect("read").fragment(1);
    let Block::Table(t) = &r.body.intro[0] else {
        panic!("a table: {:?}", r.body.intro)
    };
    assert_eq!(t.columns, ["TT", "Kết quả", ""]);
    assert_eq!(
        t.rows,
        vec![
            vec!["".to_string(), "Kế hoạch".into(), "Thực hiện".into()],
            vec!["1".into(), "100".into(), "95".into()],
        ]
    );
    assert_eq!(t.layout.more_header_rows, 1);
    assert_eq!(
        t.layout.spans,
        vec![
            baocao_model::CellSpan {
                row: 0,
                col: 0,
                cols: 1,
                rows: 2
            },
            baocao_model::CellSpan {
                row: 0,
                col: 1,
                cols: 2,
                rows: 1
            },
        ]
    );
}

#[test]
fn a_plain_page_with_raised_numbers_reads_as_text_would() {
    // What the page's own preview gives when copied.
    let html = "<p>Thu ngân sách<sup class=\"fn-ref\">1</sup>; diện tích 20 m<sup>2</sup>.</p>\
        <p class=\"footnote\"><sup>1</sup> Theo Kho bạc.</p>\
        <p class=\"footnote\"><sup>2</sup> Không dẫn chiếu.</p>";
    let r = read_html(html).expect("read").fragment(1);
    assert_eq!(
        paragraphs(&r),
        vec![vec![
            Inline::text("Thu ngân sách"),
            Inline::Note(FootnoteId(1)),
            Inline::text("; diện tích 20 m"),
            Inline::styled(
                "2",
                Style {
                    sup: true,
                    ..Style::default()
                }
            ),
            Inline::text("."),
        ]]
    );
    // Note 2 has no marker (the raised 2 is the unit's): kept, after.
    let notes: Vec<String> = r.footnotes.iter().map(|f| plain_text(&f.content)).collect();
    assert_eq!(notes, ["Theo Kho bạc.", "Không dẫn chiếu."]);
}

#[test]
fn double_line_breaks_part_paragraphs_single_ones_do_not() {
    let html = "<div>Dòng một<br>tiếp theo.<br><br>Đoạn hai.</div>";
    let r = read_html(html).expect("read").fragment(1);
    let texts: Vec<String> = paragraphs(&r).iter().map(|p| plain_text(p)).collect();
    assert_eq!(texts, ["Dòng một tiếp theo.", "Đoạn hai."]);
}

#[test]
fn hostile_input_reads_without_panic() {
    assert!(read_html("").is_none());
    assert!(read_html("<script>alert(1)</script><style>x</style>").is_none());
    let long = "ă".repeat(100_000);
    let r = read_html(&format!("<p><b>{long}"))
        .expect("read")
        .fragment(1);
    assert_eq!(plain_text(&paragraphs(&r)[0]).chars().count(), 100_000);
    let r = read_html("<p>a\u{1}b\u{7}c<script>document.cookie</script>d<div><span>e")
        .expect("read")
        .fragment(1);
    let texts: Vec<String> = paragraphs(&r).iter().map(|p| plain_text(p)).collect();
    assert_eq!(texts, ["abcd", "e"]);
    let deep = "<span>".repeat(10_000) + "sâu";
    let r = read_html(&deep).expect("read").fragment(1);
    assert_eq!(plain_text(&paragraphs(&r)[0]), "sâu");
    let broken =
        "<p class=\"x>text</p><table><tr><td>a<td>b<tr><td rowspan=99999 colspan=99999>c</table";
    let _ = read_html(broken).map(|d| d.fragment(1));
    assert!(read_html(&" ".repeat(MAX_HTML_SIZE + 1)).is_none());
}

#[test]
fn decomposed_letters_are_composed() {
    // "Hòa" with a combining grave accent.
    let r = read_html("<p>Ho\u{0300}a An</p>")
        .expect("read")
        .fragment(1);
    assert_eq!(plain_text(&paragraphs(&r)[0]), "Hòa An");
}

#[test]
fn word_endnotes_and_the_windows_clipboard_header() {
    let html = "Version:0.9\r\nStartHTML:0000000105\r\nEndHTML:0000000500\r\n\
        StartFragment:0000000141\r\nEndFragment:0000000464\r\n\
        <html><body><!--StartFragment--><p class=MsoNormal>Đã tiếp 15 lượt\
        <a style='mso-endnote-id:edn1' href=\"#_edn1\" name=\"_ednref1\" title=\"\">\
        <span class=MsoEndnoteReference>[i]</span></a>.</p>\
        <div style='mso-element:endnote-list'><div style='mso-element:endnote' id=edn1>\
        <p class=MsoEndnoteText><a style='mso-endnote-id:edn1' href=\"#_ednref1\" name=\"_edn1\" title=\"\">\
        <span class=MsoEndnoteReference>[i]</span></a> Tại trụ sở.</p></div></div>\
        <!--EndFragment--></body></html>";
    let r = read_html(html).expect("read").fragment(1);
    assert_eq!(
        paragraphs(&r),
        vec![vec![
            Inline::text("Đã tiếp 15 lượt"),
            Inline::Note(FootnoteId(1)),
            Inline::text("."),
        ]]
    );
    assert_eq!(plain_text(&r.footnotes[0].content), "Tại trụ sở.");
}
