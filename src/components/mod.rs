//! Pieces the pages are built from, one per file. A component reads the state through the app
//! handle (`hooks::use_app`) and acts through its intents; plain `view` functions take what they
//! show as arguments.

pub mod accepted_risks;
pub mod action_plan;
pub mod downloads;
pub mod encryption;
pub mod family_chart;
pub mod family_nav;
pub mod fields;
pub mod file_actions;
pub mod hidden_questions;
pub mod holding;
pub mod notices;
pub mod profile_section;
pub mod progress_bar;
pub mod question_card;
pub mod save_status;
pub mod score_panel;
