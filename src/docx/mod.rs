//! The .docx writer.
