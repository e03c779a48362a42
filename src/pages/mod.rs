//! One component per screen, each composed of components.

pub mod compare;
pub mod details;
pub mod family;
pub mod first_pass;
pub mod glossary;
pub mod library;
pub mod results;
pub mod scan_preview;
pub mod start;
pub mod summary;
