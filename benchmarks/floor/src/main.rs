//! The floor: a heading, a counter and a button, the least a Yew app can usefully do.

use yew::prelude::*;

#[function_component(Floor)]
fn floor() -> Html {
    let count = use_state(|| 0_u32);
    let onclick = {
        let count = count.clone();
        Callback::from(move |_| count.set(*count + 1))
    };
    html! {
        <main>
            <h1>{ "Floor app" }</h1>
            <button type="button" data-testid="floor-button" {onclick}>{ "Count" }</button>
            <p data-testid="floor-count">{ *count }</p>
        </main>
    }
}

fn main() {
    yew::Renderer::<Floor>::new().render();
}
