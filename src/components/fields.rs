//! Labelled form fields shared by every form: text, multi-line text and dates, each with an
//! optional plain-language error tied to the control for screen readers.

use assessment_core::savefile::MAX_TEXT_CHARS;
use chrono::NaiveDate;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::format;
use crate::words::words;

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    #[prop_or_default]
    pub multiline: bool,
    #[prop_or_default]
    pub required: bool,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    #[prop_or_default]
    pub testid: Option<AttrValue>,
    pub on_change: Callback<String>,
}

/// Reads the current text of an `<input>` or `<textarea>` event target.
fn target_value(event: &InputEvent) -> String {
    let Some(target) = event.target() else {
        return String::new();
    };
    if let Some(input) = target.dyn_ref::<HtmlInputElement>() {
        input.value()
    } else if let Some(area) = target.dyn_ref::<HtmlTextAreaElement>() {
        area.value()
    } else {
        String::new()
    }
}

#[component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let oninput = {
        let on_change = props.on_change.clone();
        Callback::from(move |event: InputEvent| on_change.emit(target_value(&event)))
    };
    let error_id = format!("{}-error", props.id);
    let described = props.error.as_ref().map(|_| error_id.clone());
    let invalid = props.error.is_some().then_some("true");
    // The file reader refuses longer text, so the field must not accept it: otherwise the work
    // would save but not reopen. HTML counts UTF-16 units, never fewer than characters.
    let maxlength = MAX_TEXT_CHARS.to_string();
    let control = if props.multiline {
        html! {
            <textarea id={props.id.clone()} value={props.value.clone()} rows="3" {oninput} {maxlength}
                required={props.required} aria-invalid={invalid} aria-describedby={described}
                data-testid={props.testid.clone()} />
        }
    } else {
        html! {
            <input type="text" id={props.id.clone()} value={props.value.clone()} {oninput} {maxlength}
                required={props.required} aria-invalid={invalid} aria-describedby={described}
                data-testid={props.testid.clone()} autocomplete="off" />
        }
    };
    html! {
        <div class="field">
            <label for={props.id.clone()}>{ &props.label }</label>
            { control }
            if let Some(error) = &props.error {
                <p id={error_id} class="field-error"><span aria-hidden="true">{ "\u{26a0} " }</span>{ error }</p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct DateFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: Option<NaiveDate>,
    #[prop_or_default]
    pub help: Option<AttrValue>,
    #[prop_or_default]
    pub testid: Option<AttrValue>,
    pub on_change: Callback<Option<NaiveDate>>,
}

/// A native date input. A value the browser hands over that is not a real date is refused with a
/// message and the stored date is left as it was.
#[component]
pub fn DateField(props: &DateFieldProps) -> Html {
    let invalid = use_state(|| false);
    let oninput = {
        let on_change = props.on_change.clone();
        let invalid = invalid.clone();
        Callback::from(
            move |event: InputEvent| match format::parse_date(&target_value(&event)) {
                Some(date) => {
                    invalid.set(false);
                    on_change.emit(date);
                }
                None => invalid.set(true),
            },
        )
    };
    let help_id = format!("{}-help", props.id);
    let error_id = format!("{}-error", props.id);
    let mut described = Vec::new();
    if props.help.is_some() {
        described.push(help_id.clone());
    }
    if *invalid {
        described.push(error_id.clone());
    }
    let described = (!described.is_empty()).then(|| described.join(" "));
    html! {
        <div class="field">
            <label for={props.id.clone()}>{ &props.label }</label>
            if let Some(help) = &props.help {
                <p id={help_id} class="help">{ help }</p>
            }
            <input type="date" id={props.id.clone()} value={format::date_input(props.value)}
                {oninput} aria-describedby={described} aria-invalid={invalid.then_some("true")}
                placeholder={words().date_format_hint()} data-testid={props.testid.clone()} />
            if *invalid {
                <p id={error_id} class="field-error"><span aria-hidden="true">{ "\u{26a0} " }</span>{ words().date_invalid() }</p>
            }
        </div>
    }
}
