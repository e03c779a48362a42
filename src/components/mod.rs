//! UI components, one per file.

pub mod action_plan;
pub mod details_page;
pub mod downloads;
pub mod family_nav;
pub mod family_page;
pub mod fields;
pub mod file_actions;
pub mod hidden_questions;
pub mod library_page;
pub mod notices;
pub mod profile_section;
pub mod progress_bar;
pub mod question_card;
pub mod results_page;
pub mod save_status;
pub mod score_panel;
pub mod start_screen;
pub mod summary_page;
