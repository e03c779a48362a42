//! Browser component tests: mount the app into a fresh element in headless Chromium, answer a
//! question through its real radio input, and check what the DOM shows.
#![cfg(target_arch = "wasm32")]

use assessment_web::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A new, empty element attached to the document body to mount into.
fn fresh_root() -> Element {
    let document = gloo_utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

/// Renders the whole app into a fresh element and waits for the first render.
async fn mount_app() -> Element {
    let root = fresh_root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

fn overall_score(root: &Element) -> String {
    root.query_selector("[data-testid=overall-score]")
        .unwrap()
        .expect("the overall score is shown")
        .text_content()
        .unwrap_or_default()
}

fn radio(root: &Element, question: &str, level: &str) -> HtmlInputElement {
    root.query_selector(&format!(
        "[data-question-id=\"{question}\"] input[type=radio][value={level}]"
    ))
    .unwrap()
    .unwrap_or_else(|| panic!("question {question} has a {level} radio"))
    .dyn_into()
    .unwrap()
}

#[wasm_bindgen_test]
async fn every_question_is_listed_with_four_native_radios() {
    let root = mount_app().await;

    let bank = assessment_web::embedded_bank();
    for question in &bank.questions {
        let radios = root
            .query_selector_all(&format!(
                "[data-question-id=\"{}\"] input[type=radio]",
                question.id
            ))
            .unwrap();
        assert_eq!(radios.length(), 4, "question {}", question.id);
    }
    assert_eq!(overall_score(&root), "0");
}

#[wasm_bindgen_test]
async fn answering_updates_the_live_score_and_the_question_status() {
    let root = mount_app().await;

    let bank = assessment_web::embedded_bank();
    let first = &bank.questions[0].id;
    radio(&root, first, "fully").click();
    yew::scheduler::flush().await;

    // The expected value is computed by the core from the same bank, so this checks the wiring.
    let mut expected = assessment_core::Assessment::default();
    expected.apply(assessment_core::Change::Respond {
        question: first.clone(),
        response: Some(assessment_core::Response::Implemented {
            level: assessment_core::Level::Fully,
        }),
    });
    let want = assessment_core::score(&bank, &expected).overall.percent();
    assert!(want > 0);
    assert_eq!(overall_score(&root), want.to_string());
    assert!(radio(&root, first, "fully").checked());

    let card = root
        .query_selector(&format!("[data-question-id=\"{first}\"]"))
        .unwrap()
        .unwrap();
    assert!(card.class_list().contains("answered"));
    assert!(card
        .text_content()
        .unwrap()
        .contains("Answered: Fully in place"));

    radio(&root, first, "none").click();
    yew::scheduler::flush().await;
    assert_eq!(overall_score(&root), "0");
    assert!(card
        .text_content()
        .unwrap()
        .contains("Answered: Not in place"));
}

#[wasm_bindgen_test]
async fn a_profile_answer_hides_questions_and_lists_the_reason() {
    let root = mount_app().await;

    let bank = assessment_web::embedded_bank();
    let shown = |root: &Element| {
        root.query_selector_all("[data-question-id]")
            .unwrap()
            .length()
    };
    assert_eq!(shown(&root) as usize, bank.questions.len());

    let no_azure: HtmlInputElement = root
        .query_selector("[data-profile-id=azure] input[value=no]")
        .unwrap()
        .expect("the profile asks about Azure")
        .dyn_into()
        .unwrap();
    no_azure.click();
    yew::scheduler::flush().await;

    let azure_only = bank
        .questions
        .iter()
        .filter(|q| q.requires.iter().any(|f| f == "azure"))
        .count();
    assert!(azure_only > 0);
    assert_eq!(shown(&root) as usize, bank.questions.len() - azure_only);
    let hidden = root
        .query_selector_all("[data-testid=hidden-questions] li")
        .unwrap();
    assert_eq!(hidden.length() as usize, azure_only);
}
