//! The glossary: every term the questions use, explained in plain words.

use yew::prelude::*;

use crate::bank;
use crate::hooks::use_app;
use crate::words::words;

#[component]
pub fn GlossaryPage() -> Html {
    let app = use_app();
    let w = words();
    let back = {
        let app = app.clone();
        let to = app.glossary_return;
        Callback::from(move |_| app.go(to))
    };
    html! {
        <>
            <h2 class="page-heading" tabindex="-1">{ w.glossary_heading() }</h2>
            <p>{ w.glossary_intro() }</p>
            <dl class="glossary" data-testid="glossary">
                for term in &bank().glossary {
                    <dt id={format!("term-{}", term.id)} key={term.id.clone()}>{ &term.term }</dt>
                    <dd key={format!("{}-definition", term.id)}>{ &term.definition }</dd>
                }
            </dl>
            <div class="pager">
                <button type="button" onclick={back} data-testid="glossary-back">{ "\u{2190} " }{ w.glossary_back() }</button>
            </div>
        </>
    }
}
