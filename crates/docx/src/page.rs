//! The page: A4 with the decree's margins, the page number centred in the
//! header from page 2 on (a different, empty first-page header and
//! `w:titlePg`), and sections: portrait, with a landscape section around each
//! table too wide for a portrait page (nd30.md §1, §10.7).

use super::paragraphs::single;
use super::profile::{
    size, FOOTER_DISTANCE, HEADER_DISTANCE, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP,
    PAGE_HEIGHT, PAGE_WIDTH,
};
use super::runs::{fonts, text_run};
use docx_rs::{
    AlignmentType, DocumentChild, Docx, FieldCharType, Header, InstrPAGE, InstrText, PageMargin,
    PageNumType, PageOrientationType, PageSize, Paragraph, Run, Section, Table,
};

/// Something that goes on the page, in reading order.
pub enum Content {
    Paragraph(Box<Paragraph>),
    Table(Box<Table>),
}

impl Content {
    /// A paragraph to put on the page.
    pub fn paragraph(p: Paragraph) -> Self {
        Content::Paragraph(Box::new(p))
    }

    /// A table to put on the page.
    pub fn table(t: Table) -> Self {
        Content::Table(Box::new(t))
    }
}

/// A run of content on pages of one orientation.
pub struct Part {
    pub landscape: bool,
    /// An appendix: page numbers start again at 1, hidden on its first page.
    pub restart: bool,
    pub content: Vec<Content>,
}

fn header_paragraph() -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Center)
        .line_spacing(single(0, 0))
}

/// A run of the PAGE field, with the font and size every run carries (in a
/// single run, as docx-rs's `PageNum` writes it, LibreOffice shows the number
/// at its default size).
fn field_run() -> Run {
    Run::new().fonts(fonts()).size(size::PAGE_NUMBER.val())
}

/// The header of every page but the first: the page number, centred.
pub fn page_number_header() -> Header {
    let number = header_paragraph()
        .add_run(field_run().add_field_char(FieldCharType::Begin, false))
        .add_run(field_run().add_instr_text(InstrText::PAGE(InstrPAGE::new())))
        .add_run(field_run().add_field_char(FieldCharType::Separate, false))
        .add_run(text_run("1", size::PAGE_NUMBER))
        .add_run(field_run().add_field_char(FieldCharType::End, false));
    Header::new().add_paragraph(number)
}

/// The first page's header: empty, so page 1 shows no number.
pub fn first_page_header() -> Header {
    Header::new().add_paragraph(header_paragraph())
}

fn margins() -> PageMargin {
    PageMargin::new()
        .top(MARGIN_TOP as i32)
        .bottom(MARGIN_BOTTOM as i32)
        .left(MARGIN_LEFT as i32)
        .right(MARGIN_RIGHT as i32)
        .header(HEADER_DISTANCE as i32)
        .footer(FOOTER_DISTANCE as i32)
        .gutter(0)
}

/// Width, height and orientation of the page. docx-rs's `orient` does not
/// swap width and height, so both are given.
fn page(landscape: bool) -> (u32, u32, PageOrientationType) {
    if landscape {
        (PAGE_HEIGHT, PAGE_WIDTH, PageOrientationType::Landscape)
    } else {
        (PAGE_WIDTH, PAGE_HEIGHT, PageOrientationType::Portrait)
    }
}

/// Adds the content to the document's body as `Docx::add_paragraph` and
/// `add_table` do, pushing the boxed paragraphs and tables straight into the
/// body's children rather than moving the whole document (a large value) in
/// and out of a call per paragraph. Those calls only push the child, unless
/// it is numbered (which sets the numbering part going): a numbered one
/// still goes through them.
fn add_to_docx(mut docx: Docx, content: Vec<Content>) -> Docx {
    for c in content {
        match c {
            Content::Paragraph(p) if !p.has_numbering => {
                docx.document.children.push(DocumentChild::Paragraph(p))
            }
            Content::Table(t) if !t.has_numbering => {
                docx.document.children.push(DocumentChild::Table(t))
            }
            Content::Paragraph(p) => docx = docx.add_paragraph(*p),
            Content::Table(t) => docx = docx.add_table(*t),
        }
    }
    docx
}

fn add_to_section(section: Section, content: Vec<Content>) -> Section {
    content.into_iter().fold(section, |s, c| match c {
        Content::Paragraph(p) => s.add_paragraph(*p),
        Content::Table(t) => s.add_table(*t),
    })
}

/// Puts the parts on pages. The headers are given to the document's last
/// section, the only place docx-rs writes both of them (its `add_section`
/// keeps only one header per section); `conform` then moves the first-page
/// header and `titlePg` to the first section, where they belong.
pub fn lay_out(mut docx: Docx, parts: Vec<Part>) -> Docx {
    let count = parts.len();
    for (i, part) in parts.into_iter().enumerate() {
        let (w, h, orient) = page(part.landscape);
        if i + 1 == count {
            docx = add_to_docx(docx, part.content)
                .page_size(w, h)
                .page_orient(orient)
                .page_margin(margins());
            if part.restart {
                docx = docx.page_num_type(PageNumType::new().start(1));
            }
        } else {
            let mut section = Section::new()
                .page_size(PageSize::new().size(w, h).orient(orient))
                .page_margin(margins());
            if part.restart {
                section = section
                    .page_num_type(PageNumType::new().start(1))
                    .title_pg();
            }
            docx = docx.add_section(add_to_section(section, part.content));
        }
    }
    docx.header(page_number_header())
        .first_header(first_page_header())
}
