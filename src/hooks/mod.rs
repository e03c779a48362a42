//! The app's hooks: the handle every component uses to read the state and to act, the autosave
//! behind it, the focus that follows navigation, and the guidance loaded after the first screen.

pub mod autosave;
pub mod focus;
pub mod guidance;
pub mod handle;

pub use handle::{use_app, AppHandle};
