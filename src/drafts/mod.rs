//! Draft storage.
