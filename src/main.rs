//! Mounts the app into the page; everything else lives in the library so tests can use it.

fn main() {
    assessment_web::failure::install();
    yew::Renderer::<assessment_web::App>::new().render();
}
