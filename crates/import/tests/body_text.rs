//! `Report::body_text` (in the model) read back by the importer gives the
//! same structure: the model's writer and this crate's reader agree.

use baocao_import::{import_fragment, import_text};
use baocao_model::{Block, Body, Section};
/// The body with ids and source lines left out, to compare structures.
fn shape(body: &Body) -> Vec<String> {
    fn blocks(bs: &[Block], out: &mut Vec<String>) {
        for b in bs {
            match b {
                Block::Paragraph(p) => out.push(format!("P {:?}", p.inlines)),
                Block::Table(t) => out.push(format!("T {:?} {:?}", t.columns, t.rows)),
            }
        }
    }
    fn section(s: &Section, out: &mut Vec<String>) {
        out.push(format!(
            "H {:?} {} {:?}",
            s.heading.level, s.heading.number, s.heading.title
        ));
        blocks(&s.blocks, out);
        for c in &s.children {
            section(c, out);
        }
    }
    let mut out = Vec::new();
    blocks(&body.intro, &mut out);
    for s in &body.sections {
        section(s, &mut out);
    }
    out
}

#[test]
fn body_text_round_trips_through_the_importer() {
    for seed in [baocao_testdata::NOV_2021, baocao_testdata::MAR_2025] {
        let r = import_text(seed).unwrap();
        let again = import_fragment(&r.body_text(), 1);
        let (a, b) = (shape(&again.body), shape(&r.body));
        if let Some(i) = (0..a.len().max(b.len())).find(|i| a.get(*i) != b.get(*i)) {
            panic!("differs at {i}:\n{:?}\n{:?}", a.get(i), b.get(i));
        }
        let notes = |r: &baocao_model::Report| -> Vec<(u32, String)> {
            r.footnotes
                .iter()
                .map(|f| (f.id.0, format!("{:?}", f.content)))
                .collect()
        };
        let mut a = notes(&again);
        let mut b = notes(&r);
        a.sort();
        b.sort();
        assert_eq!(a, b);
    }
}

#[test]
fn special_characters_survive() {
    let r = import_fragment(r"Giá 5 \* 3 \$ và a\|b, 2 < 3.", 1);
    let again = import_fragment(&r.body_text(), 1);
    assert_eq!(shape(&again.body), shape(&r.body));
}
