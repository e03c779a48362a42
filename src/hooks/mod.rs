//! The app's hooks: the handle every component uses to read the state and to act, the autosave
//! behind it, and the focus that follows navigation.

pub mod autosave;
pub mod focus;
pub mod handle;

pub use handle::{use_app, AppHandle};
