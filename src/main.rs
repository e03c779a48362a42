//! Mounts the app into the page; everything else lives in the library so tests can use it.

fn main() {
    yew::Renderer::<assessment_web::App>::new().render();
}
