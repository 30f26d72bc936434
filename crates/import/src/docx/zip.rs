//! A small zip reader for .docx packages: the central directory, stored and
//! deflated entries, CRC-32 checked. Only what a .docx needs, with limits so a
//! crafted file cannot make the reader use unbounded memory (a "zip bomb").

use super::error::DocxError;

/// At most this many entries in one package (Word writes a few dozen).
pub const MAX_ENTRIES: usize = 5_000;
/// At most this many bytes inflated from one entry: the document.xml of a
/// 300-page report is under 10 MB, and its element tree takes several times
/// that in memory.
pub const MAX_ENTRY_SIZE: usize = 24 << 20;
/// At most this many bytes inflated in all from one package (only the XML
/// parts are inflated, never images).
pub const MAX_TOTAL_SIZE: usize = 96 << 20;

const LOCAL_HEADER: u32 = 0x0403_4b50;
const CENTRAL_HEADER: u32 = 0x0201_4b50;
const END_OF_DIRECTORY: u32 = 0x0605_4b50;

/// One file of the package, as the central directory lists it.
#[derive(Debug, Clone)]
pub struct Entry {
    pub name: String,
    method: u16,
    flags: u16,
    crc: u32,
    compressed: usize,
    size: usize,
    local_offset: usize,
}

/// An opened package: its bytes and its directory.
pub struct Archive<'a> {
    bytes: &'a [u8],
    pub entries: Vec<Entry>,
    /// Bytes inflated so far, against [`MAX_TOTAL_SIZE`].
    inflated: std::cell::Cell<usize>,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    b.get(at..at + 2).map(|s| u16::from_le_bytes([s[0], s[1]]))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    b.get(at..at + 4)
        .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

impl<'a> Archive<'a> {
    /// Reads the central directory. Not a zip, a cut-off zip and a directory
    /// with too many entries are told apart.
    pub fn open(bytes: &'a [u8]) -> Result<Self, DocxError> {
        if bytes.len() < 22 || u32_at(bytes, 0) != Some(LOCAL_HEADER) {
            return Err(DocxError::NotZip);
        }
        // The end record is in the last 22 + 65535 bytes (after the comment).
        let search_from = bytes.len().saturating_sub(22 + 0xFFFF);
        let eocd = (search_from..=bytes.len() - 22)
            .rev()
            .find(|&i| u32_at(bytes, i) == Some(END_OF_DIRECTORY))
            .ok_or(DocxError::Truncated)?;
        let count = u16_at(bytes, eocd + 10).ok_or(DocxError::Truncated)? as usize;
        let dir_size = u32_at(bytes, eocd + 12).ok_or(DocxError::Truncated)? as usize;
        let dir_offset = u32_at(bytes, eocd + 16).ok_or(DocxError::Truncated)? as usize;
        if count == 0xFFFF || dir_offset == 0xFFFF_FFFF {
            // ZIP64: for packages of gigabytes; Word, LibreOffice and
            // Google Docs never write it for a report.
            return Err(DocxError::Unsupported("tệp nén ZIP64".into()));
        }
        if count > MAX_ENTRIES {
            return Err(DocxError::ZipBomb);
        }
        if dir_offset
            .checked_add(dir_size)
            .is_none_or(|end| end > eocd)
        {
            return Err(DocxError::Truncated);
        }
        let mut entries = Vec::with_capacity(count);
        let mut at = dir_offset;
        for _ in 0..count {
            if u32_at(bytes, at) != Some(CENTRAL_HEADER) {
                return Err(DocxError::Truncated);
            }
            let field = |off: usize| u16_at(bytes, at + off).ok_or(DocxError::Truncated);
            let field32 = |off: usize| u32_at(bytes, at + off).ok_or(DocxError::Truncated);
            let flags = field(8)?;
            let method = field(10)?;
            let crc = field32(16)?;
            let compressed = field32(20)? as usize;
            let size = field32(24)? as usize;
            let name_len = field(28)? as usize;
            let extra_len = field(30)? as usize;
            let comment_len = field(32)? as usize;
            let local_offset = field32(42)? as usize;
            let name = bytes
                .get(at + 46..at + 46 + name_len)
                .ok_or(DocxError::Truncated)?;
            entries.push(Entry {
                name: String::from_utf8_lossy(name).replace('\\', "/"),
                method,
                flags,
                crc,
                compressed,
                size,
                local_offset,
            });
            at += 46 + name_len + extra_len + comment_len;
        }
        Ok(Archive {
            bytes,
            entries,
            inflated: std::cell::Cell::new(0),
        })
    }

    /// The entry of this name (zip names are case-sensitive, but some tools
    /// write "Word/Document.xml": fall back to a case-insensitive match).
    pub fn entry(&self, name: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.name == name).or_else(|| {
            self.entries
                .iter()
                .find(|e| e.name.eq_ignore_ascii_case(name))
        })
    }

    /// Whether the package has an entry of this name.
    pub fn has(&self, name: &str) -> bool {
        self.entry(name).is_some()
    }

    /// The inflated bytes of an entry, checked against its CRC-32.
    pub fn read(&self, name: &str) -> Result<Option<Vec<u8>>, DocxError> {
        let Some(e) = self.entry(name) else {
            return Ok(None);
        };
        if e.flags & 1 != 0 {
            return Err(DocxError::Encrypted);
        }
        if e.size > MAX_ENTRY_SIZE || self.inflated.get() + e.size > MAX_TOTAL_SIZE {
            return Err(DocxError::ZipBomb);
        }
        let b = self.bytes;
        let at = e.local_offset;
        if u32_at(b, at) != Some(LOCAL_HEADER) {
            return Err(DocxError::Truncated);
        }
        let name_len = u16_at(b, at + 26).ok_or(DocxError::Truncated)? as usize;
        let extra_len = u16_at(b, at + 28).ok_or(DocxError::Truncated)? as usize;
        let start = at + 30 + name_len + extra_len;
        let data = b
            .get(start..start.saturating_add(e.compressed))
            .ok_or(DocxError::Truncated)?;
        let out = match e.method {
            0 => data.to_vec(),
            8 => {
                // Inflate no more than the directory says, whatever the stream
                // claims: a larger output is a lie, and a bomb.
                let limit = e.size.min(MAX_ENTRY_SIZE);
                miniz_oxide::inflate::decompress_to_vec_with_limit(data, limit).map_err(|err| {
                    match err.status {
                        miniz_oxide::inflate::TINFLStatus::HasMoreOutput => DocxError::ZipBomb,
                        _ => DocxError::Truncated,
                    }
                })?
            }
            _ => return Err(DocxError::Unsupported(format!("nén kiểu {}", e.method))),
        };
        if out.len() != e.size || crc32fast::hash(&out) != e.crc {
            return Err(DocxError::Truncated);
        }
        self.inflated.set(self.inflated.get() + out.len());
        Ok(Some(out))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A zip of stored or deflated entries, written the way `docx::pack` does.
    pub(crate) fn make_zip(entries: &[(&str, &[u8])], deflate: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let mut dir = Vec::new();
        for (name, data) in entries {
            let offset = out.len() as u32;
            let body = if deflate {
                miniz_oxide::deflate::compress_to_vec(data, 6)
            } else {
                data.to_vec()
            };
            let method: u16 = if deflate { 8 } else { 0 };
            let crc = crc32fast::hash(data);
            let mut head = Vec::new();
            head.extend_from_slice(&LOCAL_HEADER.to_le_bytes());
            head.extend_from_slice(&20u16.to_le_bytes());
            head.extend_from_slice(&0u16.to_le_bytes());
            head.extend_from_slice(&method.to_le_bytes());
            head.extend_from_slice(&[0; 4]);
            head.extend_from_slice(&crc.to_le_bytes());
            head.extend_from_slice(&(body.len() as u32).to_le_bytes());
            head.extend_from_slice(&(data.len() as u32).to_le_bytes());
            head.extend_from_slice(&(name.len() as u16).to_le_bytes());
            head.extend_from_slice(&0u16.to_le_bytes());
            out.extend_from_slice(&head);
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(&body);
            dir.extend_from_slice(&CENTRAL_HEADER.to_le_bytes());
            dir.extend_from_slice(&20u16.to_le_bytes());
            dir.extend_from_slice(&head[4..]);
            dir.extend_from_slice(&[0; 10]);
            dir.extend_from_slice(&offset.to_le_bytes());
            dir.extend_from_slice(name.as_bytes());
        }
        let dir_offset = out.len() as u32;
        out.extend_from_slice(&dir);
        out.extend_from_slice(&END_OF_DIRECTORY.to_le_bytes());
        out.extend_from_slice(&[0; 4]);
        out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        out.extend_from_slice(&(dir.len() as u32).to_le_bytes());
        out.extend_from_slice(&dir_offset.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out
    }

    #[test]
    fn reads_stored_and_deflated_entries() {
        for deflate in [false, true] {
            let zip = make_zip(&[("a.xml", b"hello"), ("b/c.xml", b"world world")], deflate);
            let a = Archive::open(&zip).unwrap();
            assert_eq!(a.entries.len(), 2);
            assert_eq!(a.read("b/c.xml").unwrap().unwrap(), b"world world");
            assert!(a.read("missing").unwrap().is_none());
        }
    }

    #[test]
    fn rejects_bad_packages() {
        assert_eq!(Archive::open(b"hello").err(), Some(DocxError::NotZip));
        let zip = make_zip(&[("a.xml", &[b'x'; 1000])], true);
        assert_eq!(
            Archive::open(&zip[..zip.len() - 30]).err(),
            Some(DocxError::Truncated)
        );
        // A directory entry that claims a small size for a big stream.
        let mut lying = make_zip(&[("a.xml", &[b'x'; 100_000])], true);
        let dir = lying.len() - 22 - (46 + 5);
        lying[dir + 24..dir + 28].copy_from_slice(&10u32.to_le_bytes());
        let a = Archive::open(&lying).unwrap();
        assert_eq!(a.read("a.xml").err(), Some(DocxError::ZipBomb));
    }
}
