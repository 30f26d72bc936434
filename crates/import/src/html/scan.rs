//! A small HTML tag scanner: start tags with their attributes, end tags and
//! text with its character references decoded. Comments, `<!DOCTYPE>`,
//! processing instructions and Word's conditional markers (`<![if …]>`,
//! `<![endif]>`) are skipped; the content of `<script>`, `<style>` and the
//! like is never read as markup. Nothing is fetched and nothing is evaluated;
//! unclosed tags and quotes end at the end of the input.

/// A piece of the input.
#[derive(Debug, PartialEq, Eq)]
pub enum Token<'a> {
    /// `<name attr=value …>`: the name in lower case, attributes as written
    /// (names in lower case, values decoded).
    Start {
        name: String,
        attrs: Vec<(String, String)>,
        /// Written `<x/>`: nothing inside, no end tag to wait for.
        closed: bool,
    },
    End(String),
    /// Text between tags, raw (decode with [`decode`]).
    Text(&'a str),
}

/// Elements whose content is raw text, never markup.
const RAW: [&str; 6] = ["script", "style", "title", "textarea", "xmp", "noscript"];

pub struct Scanner<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Scanner<'a> {
    pub fn new(src: &'a str) -> Self {
        Scanner { src, pos: 0 }
    }

    fn rest(&self) -> &'a str {
        &self.src[self.pos..]
    }

    /// Skips past `end` (or to the end of the input).
    fn skip_past(&mut self, end: &str) {
        match self.rest().find(end) {
            Some(i) => self.pos += i + end.len(),
            None => self.pos = self.src.len(),
        }
    }

    /// Skips the raw content of `name` and its end tag.
    fn skip_raw(&mut self, name: &str) {
        let bytes = self.rest().as_bytes();
        let mut i = 0;
        while i + 2 + name.len() <= bytes.len() {
            if bytes[i] == b'<'
                && bytes[i + 1] == b'/'
                && bytes[i + 2..i + 2 + name.len()].eq_ignore_ascii_case(name.as_bytes())
            {
                self.pos += i;
                self.skip_past(">");
                return;
            }
            i += 1;
        }
        self.pos = self.src.len();
    }

    fn tag(&mut self, end: bool) -> Token<'a> {
        // At the name: letters, digits, ':', '-', '_'.
        let rest = self.rest();
        let name_len = rest
            .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
            .unwrap_or(rest.len());
        let name = rest[..name_len].to_ascii_lowercase();
        self.pos += name_len;
        let mut attrs = Vec::new();
        let mut closed = false;
        loop {
            let rest = self.rest();
            let trimmed = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
            let skipped = &rest[..rest.len() - trimmed.len()];
            self.pos += skipped.len();
            let Some(c) = trimmed.chars().next() else {
                break;
            };
            if c == '>' {
                closed = skipped.trim_end().ends_with('/');
                self.pos += 1;
                break;
            }
            let n = trimmed
                .find(|c: char| c.is_whitespace() || c == '=' || c == '>' || c == '/')
                .unwrap_or(trimmed.len())
                .max(c.len_utf8());
            let attr = trimmed[..n].to_ascii_lowercase();
            self.pos += n;
            let rest = self.rest();
            let after = rest.trim_start();
            let mut value = String::new();
            if let Some(v) = after.strip_prefix('=') {
                let v_trim = v.trim_start();
                self.pos += rest.len() - v_trim.len();
                let quote = v_trim.chars().next().filter(|q| *q == '"' || *q == '\'');
                let raw = match quote {
                    Some(q) => {
                        let body = &v_trim[1..];
                        let len = body.find(q).unwrap_or(body.len());
                        self.pos += 1 + len + usize::from(len < body.len());
                        &body[..len]
                    }
                    None => {
                        let len = v_trim
                            .find(|c: char| c.is_whitespace() || c == '>')
                            .unwrap_or(v_trim.len());
                        self.pos += len;
                        &v_trim[..len]
                    }
                };
                value = decode(raw);
            }
            if !end {
                attrs.push((attr, value));
            }
        }
        if end {
            Token::End(name)
        } else {
            if RAW.contains(&name.as_str()) && !closed {
                self.skip_raw(&name);
            }
            Token::Start {
                name,
                attrs,
                closed,
            }
        }
    }
}

impl<'a> Iterator for Scanner<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            let rest = self.rest();
            if rest.is_empty() {
                return None;
            }
            if !rest.starts_with('<') {
                // Text up to the next '<' that opens markup.
                let mut end = rest.len();
                // Not '<', so at least one character; '<' is one byte.
                let mut from = rest.chars().next().map_or(1, char::len_utf8);
                while let Some(i) = rest[from..].find('<') {
                    let at = from + i;
                    if opens_markup(&rest[at..]) {
                        end = at;
                        break;
                    }
                    from = at + 1;
                }
                self.pos += end;
                return Some(Token::Text(&rest[..end]));
            }
            if rest.starts_with("<!--") {
                self.pos += 4;
                self.skip_past("-->");
                continue;
            }
            if rest.starts_with("<!") || rest.starts_with("<?") {
                // DOCTYPE, CDATA, Word's <![if !supportLists]> and <![endif]>.
                self.skip_past(">");
                continue;
            }
            if let Some(after) = rest.strip_prefix("</") {
                if after.starts_with(|c: char| c.is_ascii_alphabetic()) {
                    self.pos += 2;
                    return Some(self.tag(true));
                }
                // "</ " or "</>": not a tag.
                self.skip_past(">");
                continue;
            }
            if rest[1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
                self.pos += 1;
                return Some(self.tag(false));
            }
            // A lone '<' is text.
            let end = rest[1..].find('<').map_or(rest.len(), |i| i + 1);
            self.pos += end;
            return Some(Token::Text(&rest[..end]));
        }
    }
}

fn opens_markup(s: &str) -> bool {
    let b = s.as_bytes();
    match b.get(1) {
        Some(c) if c.is_ascii_alphabetic() => true,
        Some(b'/' | b'!' | b'?') => true,
        _ => false,
    }
}

/// Decodes character references: `&amp;`, `&nbsp;`, `&#7897;`, `&#x1EA1;`
/// and the named letters of Latin-1. An unknown or broken reference stays as
/// written.
pub fn decode(raw: &str) -> String {
    if !raw.contains('&') {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let semi = rest[1..].find(';').map(|j| j + 1).filter(|j| *j <= 12);
        let decoded = semi.and_then(|j| reference(&rest[1..j]));
        match (semi, decoded) {
            (Some(j), Some(c)) => {
                if let Some(c) = c {
                    out.push(c);
                }
                rest = &rest[j + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference names (`Some(None)`: a soft hyphen, dropped).
fn reference(name: &str) -> Option<Option<char>> {
    if let Some(num) = name.strip_prefix('#') {
        let value = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        return Some(Some(
            char::from_u32(value)
                .filter(|c| *c != '\0')
                .unwrap_or('\u{fffd}'),
        ));
    }
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "shy" => return Some(None),
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "bull" => '•',
        "middot" => '·',
        "deg" => '°',
        "plusmn" => '±',
        "times" => '×',
        "divide" => '÷',
        "sup1" => '¹',
        "sup2" => '²',
        "sup3" => '³',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "copy" => '©',
        "reg" => '®',
        "euro" => '€',
        "sect" => '§',
        "para" => '¶',
        _ => return latin1_letter(name).map(Some),
    };
    Some(Some(c))
}

/// `&agrave;` … `&yacute;`, `&Agrave;` … (the Latin-1 letters Vietnamese uses).
fn latin1_letter(name: &str) -> Option<char> {
    let (base, mark) = name.split_at(1);
    let base = base.chars().next()?;
    let lower = match (base.to_ascii_lowercase(), mark) {
        ('a', "grave") => 'à',
        ('a', "acute") => 'á',
        ('a', "circ") => 'â',
        ('a', "tilde") => 'ã',
        ('e', "grave") => 'è',
        ('e', "acute") => 'é',
        ('e', "circ") => 'ê',
        ('i', "grave") => 'ì',
        ('i', "acute") => 'í',
        ('o', "grave") => 'ò',
        ('o', "acute") => 'ó',
        ('o', "circ") => 'ô',
        ('o', "tilde") => 'õ',
        ('u', "grave") => 'ù',
        ('u', "acute") => 'ú',
        ('y', "acute") => 'ý',
        _ => return None,
    };
    Some(if base.is_ascii_uppercase() {
        baocao_model::case::upper_char(lower)
    } else {
        lower
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(s: &str) -> Vec<Token<'_>> {
        Scanner::new(s).collect()
    }

    #[test]
    fn tags_attributes_and_text() {
        assert_eq!(
            tokens("<P class=MsoNormal style='font-weight:bold'>a &amp; b</p>"),
            vec![
                Token::Start {
                    name: "p".into(),
                    attrs: vec![
                        ("class".into(), "MsoNormal".into()),
                        ("style".into(), "font-weight:bold".into())
                    ],
                    closed: false,
                },
                Token::Text("a &amp; b"),
                Token::End("p".into()),
            ]
        );
    }

    #[test]
    fn comments_conditionals_and_raw_text_are_skipped() {
        let got = tokens(
            "<!--[if gte mso 9]><xml><w:x/></xml><![endif]--><style>p{a:b}</style>\
             <![if !supportLists]>1.<![endif]><script>alert('<p>')</script>x",
        );
        assert_eq!(
            got,
            vec![
                Token::Start {
                    name: "style".into(),
                    attrs: vec![],
                    closed: false,
                },
                Token::Text("1."),
                Token::Start {
                    name: "script".into(),
                    attrs: vec![],
                    closed: false,
                },
                Token::Text("x"),
            ]
        );
    }

    #[test]
    fn broken_markup_ends_without_panic() {
        for s in [
            "<p class=\"abc",
            "<",
            "a < b",
            "</",
            "<!--",
            "<a href='x",
            "<p =x>",
            "<script>",
            "&#xFFFFFFFF;&#0;&",
        ] {
            let _ = tokens(s).len();
            let _ = decode(s);
        }
        assert_eq!(tokens("a < b"), vec![Token::Text("a < b")]);
        assert_eq!(tokens("<3"), vec![Token::Text("<3")]);
    }

    #[test]
    fn self_closing_tags_say_so() {
        assert_eq!(
            tokens("<o:p/><br />"),
            vec![
                Token::Start {
                    name: "o:p".into(),
                    attrs: vec![],
                    closed: true,
                },
                Token::Start {
                    name: "br".into(),
                    attrs: vec![],
                    closed: true,
                },
            ]
        );
    }

    #[test]
    fn references_decode() {
        assert_eq!(
            decode("c&#7897;ng &amp; &nbsp;x&Agrave;&eacute;&unknown;&#x1EA1;"),
            "cộng &  xÀé&unknown;ạ"
        );
    }
}
