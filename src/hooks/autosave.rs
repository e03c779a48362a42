//! Saving the open assessment after every change (debounced), and at once when the page is
//! hidden or closed, or when something is about to replace it.

use std::rc::Rc;

use assessment_core::Assessment;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::bank;
use crate::browser::{clock, persistence, storage::Store};
use crate::state::{Action, AppState};

/// How long the autosave waits after a change before writing, so a burst of keystrokes or clicks
/// is written once instead of once per keystroke. Leaving the page writes at once.
const AUTOSAVE_DELAY_MS: u32 = 250;

/// Writes the change the autosave is still waiting to write, at once. Run before anything
/// replaces the open assessment, so the replaced work is saved under its own entry first and a
/// late save cannot land on the new one.
#[derive(Clone)]
pub struct SaveNow(Rc<dyn Fn()>);

impl PartialEq for SaveNow {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl SaveNow {
    pub fn run(&self) {
        (self.0)();
    }
}

/// The save waiting to run; dropping the timer cancels it.
type Waiting = Option<(gloo_timers::callback::Timeout, Rc<dyn Fn()>)>;

/// Saves the assessment after every change (debounced), and at once when the page is hidden or
/// closed. An untouched, never-saved assessment is not stored.
#[hook]
pub fn use_autosave(state: &UseReducerHandle<AppState>, store: Rc<Store>) -> SaveNow {
    let last_saved = use_mut_ref(|| None::<Assessment>);
    let pending = use_mut_ref(|| None as Waiting);
    let flush = {
        let pending = pending.clone();
        use_memo((), move |_| {
            move || {
                // Take the save out first: it dispatches, and the borrow must be over by then.
                let waiting = pending.borrow_mut().take();
                if let Some((timer, save)) = waiting {
                    drop(timer);
                    save();
                }
            }
        })
    };
    {
        let flush = Rc::clone(&flush);
        use_effect_with((), move |_| {
            let listener = on_page_hide(move || flush());
            move || drop(listener)
        });
    }
    let handle = state.clone();
    use_effect_with(state.assessment.clone(), move |assessment| {
        let unchanged = last_saved.borrow().as_ref() == Some(assessment);
        let nothing_yet = handle.library.current.is_none() && *assessment == Assessment::default();
        if !unchanged && !nothing_yet {
            let assessment = assessment.clone();
            let save: Rc<dyn Fn()> = Rc::new(move || {
                match persistence::save_current(&store, bank(), &handle.library, &assessment) {
                    Ok(library) => handle.dispatch(Action::Saved {
                        library,
                        at: clock::now_rfc3339(),
                    }),
                    Err(error) => handle.dispatch(Action::SaveFailed(error)),
                }
            });
            let run_later = {
                let pending = pending.clone();
                move || {
                    let waiting = pending.borrow_mut().take();
                    if let Some((_, save)) = waiting {
                        save();
                    }
                }
            };
            let timer = gloo_timers::callback::Timeout::new(AUTOSAVE_DELAY_MS, run_later);
            *pending.borrow_mut() = Some((timer, save));
        }
        *last_saved.borrow_mut() = Some(assessment.clone());
    });
    SaveNow(flush)
}

/// The events after which the page may be gone: a tab switch, close or reload.
const PAGE_HIDE_EVENTS: [&str; 2] = ["pagehide", "visibilitychange"];

/// Runs `flush` when the page is hidden or about to go away.
fn on_page_hide(flush: impl Fn() + 'static) -> Option<PageHideListener> {
    let window = web_sys::window()?;
    let callback = wasm_bindgen::closure::Closure::<dyn Fn()>::new(flush);
    let function: &js_sys::Function = callback.as_ref().unchecked_ref();
    for event in PAGE_HIDE_EVENTS {
        window
            .add_event_listener_with_callback(event, function)
            .ok()?;
    }
    Some(PageHideListener { window, callback })
}

/// Removes its listeners when dropped.
struct PageHideListener {
    window: web_sys::Window,
    callback: wasm_bindgen::closure::Closure<dyn Fn()>,
}

impl Drop for PageHideListener {
    fn drop(&mut self) {
        let function: &js_sys::Function = self.callback.as_ref().unchecked_ref();
        for event in PAGE_HIDE_EVENTS {
            let _ = self
                .window
                .remove_event_listener_with_callback(event, function);
        }
    }
}
