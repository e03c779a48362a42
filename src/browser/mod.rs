//! Everything that touches the browser: storage, files, downloads, the report generator, the
//! and clock. Nothing here decides anything about an assessment, and nothing
//! here knows the app's state: callers pass values in and get values (or typed errors) back.

pub mod clock;
pub mod download;
pub mod files;
pub mod persistence;
pub mod reports;
pub mod storage;
