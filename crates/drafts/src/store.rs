//! Where drafts are kept: a small key-value interface, so the library's logic
//! is tested natively against memory and runs in the page against localStorage.

use std::collections::BTreeMap;
use std::fmt;

/// Why the store refused an operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser's storage quota is used up.
    Full,
    /// Storage is missing or blocked (private mode, policy), with the cause.
    Unavailable(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Full => f.write_str(
                "Bộ nhớ của trình duyệt đã đầy nên chưa lưu được. Nội dung vẫn còn trên trang: hãy tải bản sao lưu (.json) ngay, rồi xoá bớt bản nháp cũ.",
            ),
            StoreError::Unavailable(cause) => write!(
                f,
                "Trình duyệt không cho lưu dữ liệu ({cause}). Nội dung vẫn còn trên trang: hãy tải bản sao lưu (.json) để không mất bài."
            ),
        }
    }
}

impl std::error::Error for StoreError {}

/// A string key-value store with the semantics of localStorage.
pub trait Store {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
    /// Every key in the store.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// An in-memory store, with an optional quota to imitate a full localStorage.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    entries: BTreeMap<String, String>,
    /// Maximum total of key and value lengths (in UTF-16 units, as browsers count).
    pub quota: Option<usize>,
}

impl MemoryStore {
    /// An empty store without quota.
    pub fn new() -> Self {
        MemoryStore::default()
    }

    /// An empty store that refuses writes beyond `quota` UTF-16 units.
    pub fn with_quota(quota: usize) -> Self {
        MemoryStore {
            entries: BTreeMap::new(),
            quota: Some(quota),
        }
    }

    fn used(&self) -> usize {
        self.entries
            .iter()
            .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
            .sum()
    }
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.entries.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(quota) = self.quota {
            let old = self
                .entries
                .get(key)
                .map(|v| key.encode_utf16().count() + v.encode_utf16().count())
                .unwrap_or(0);
            let new = key.encode_utf16().count() + value.encode_utf16().count();
            if self.used() - old + new > quota {
                return Err(StoreError::Full);
            }
        }
        self.entries.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.entries.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.entries.keys().cloned().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_store_enforces_its_quota() {
        let mut s = MemoryStore::with_quota(10);
        assert_eq!(s.set("a", "12345"), Ok(()));
        assert_eq!(s.set("b", "123456789"), Err(StoreError::Full));
        assert_eq!(s.get("b"), Ok(None));
        // Replacing a value counts only the difference.
        assert_eq!(s.set("a", "123456"), Ok(()));
    }
}
