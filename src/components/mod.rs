//! UI components, one per file.

pub mod family_section;
pub mod hidden_questions;
pub mod profile_section;
pub mod question_card;
pub mod score_panel;
