//! Browser component tests: mount the app into a fresh element in headless Chromium, act through
//! real controls (buttons, radios, text inputs), and check what the DOM shows.
#![cfg(target_arch = "wasm32")]

use assessment_core::{score, Assessment, Change, Level, Response};
use assessment_web::{embedded_bank, App};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Renders the whole app into a fresh element attached to the body and waits for the render.
/// Storage is emptied first so no test sees another's saved work.
async fn mount_app() -> Element {
    gloo_utils::window()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
    let document = gloo_utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

async fn click(root: &Element, selector: &str) {
    find(root, selector)
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    yew::scheduler::flush().await;
}

/// Types into a text input or textarea the way a user does: set the value, fire `input`.
async fn type_into(root: &Element, selector: &str, value: &str) {
    let element = find(root, selector);
    if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        input.set_value(value);
    } else {
        element
            .dyn_ref::<HtmlTextAreaElement>()
            .unwrap()
            .set_value(value);
    }
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict("input", &init).unwrap();
    element.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
}

fn text_of(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

/// The id of the first question of the first family, where the walk-through begins.
fn first_question(bank: &assessment_core::Bank) -> String {
    let family = &bank.families[0].id;
    bank.questions_in(family)
        .next()
        .expect("every family has questions")
        .id
        .clone()
}

/// Mounts the app and walks from the start screen to the first family page.
async fn open_first_family() -> Element {
    let root = mount_app().await;
    click(&root, "[data-testid=start-new]").await;
    click(&root, "[data-testid=to-questions]").await;
    root
}

#[wasm_bindgen_test]
async fn the_start_screen_explains_and_starts() {
    let root = mount_app().await;
    let text = root.text_content().unwrap();
    assert!(text.contains("Nothing you enter leaves this browser"));
    assert_eq!(count(&root, "[data-question-id]"), 0);
    click(&root, "[data-testid=start-new]").await;
    assert!(
        count(&root, "[data-testid=organisation]") == 1,
        "details page follows"
    );
}

#[wasm_bindgen_test]
async fn each_question_offers_six_native_radio_choices() {
    let root = open_first_family().await;
    let bank = embedded_bank();
    let first_family = &bank.families[0].id;
    for question in bank.questions_in(first_family) {
        let selector = format!("[data-question-id=\"{}\"] input[type=radio]", question.id);
        assert_eq!(count(&root, &selector), 6, "question {}", question.id);
    }
}

#[wasm_bindgen_test]
async fn answering_updates_the_live_score_and_the_question_status() {
    let root = open_first_family().await;
    let bank = embedded_bank();
    let first = first_question(&bank);
    let card = format!("[data-question-id=\"{first}\"]");
    assert!(find(&root, &card).class_list().contains("unanswered"));

    click(&root, &format!("{card} input[value=fully]")).await;

    // The expected value comes from the core on the same bank, so this checks the wiring.
    let mut expected = Assessment::default();
    expected.apply(Change::Respond {
        question: first.clone(),
        response: Some(Response::Implemented {
            level: Level::Fully,
        }),
    });
    let want = score(&bank, &expected).overall.percent();
    assert_eq!(
        text_of(&root, "[data-testid=overall-score]"),
        want.to_string()
    );
    assert!(find(&root, &card).class_list().contains("answered"));
    assert!(text_of(&root, &card).contains("Answered: Fully in place"));

    click(&root, &format!("{card} .answer-status button")).await;
    assert!(
        find(&root, &card).class_list().contains("unanswered"),
        "clear answer"
    );
    assert_eq!(text_of(&root, "[data-testid=overall-score]"), "0");
}

#[wasm_bindgen_test]
async fn not_applicable_asks_for_a_reason_and_dont_know_is_an_answer() {
    let root = open_first_family().await;
    let bank = embedded_bank();
    let first = first_question(&bank);
    let card = format!("[data-question-id=\"{first}\"]");

    click(&root, &format!("{card} input[value=not-applicable]")).await;
    let reason = format!("#q-{first}-na-reason");
    assert_eq!(
        find(&root, &reason)
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    assert!(text_of(&root, &card).contains("Give a short reason"));
    type_into(&root, &reason, "We have no such system").await;
    assert_eq!(find(&root, &reason).get_attribute("aria-invalid"), None);
    assert!(!text_of(&root, &card).contains("Give a short reason"));

    click(&root, &format!("{card} input[value=dont-know]")).await;
    assert!(text_of(&root, &card).contains("Answered: Don't know"));
    assert_eq!(
        count(&root, &reason),
        0,
        "the reason field goes with the choice"
    );
}

#[wasm_bindgen_test]
async fn evidence_owner_and_target_date_are_kept_per_question() {
    let root = open_first_family().await;
    let bank = embedded_bank();
    let mut questions = bank.questions_in(&bank.families[0].id);
    let first = questions.next().unwrap().id.clone();
    let second = questions.next().unwrap().id.clone();

    type_into(
        &root,
        &format!("#q-{first}-note"),
        "CA policy 'Require MFA' exported 2024-05-02",
    )
    .await;
    type_into(&root, &format!("#q-{first}-owner"), "Identity team").await;
    type_into(&root, &format!("#q-{first}-target"), "2024-06-30").await;

    let note: HtmlTextAreaElement = find(&root, &format!("#q-{first}-note")).dyn_into().unwrap();
    assert_eq!(note.value(), "CA policy 'Require MFA' exported 2024-05-02");
    // No field takes more text than the file reader accepts back.
    assert_eq!(note.max_length(), 50_000);
    let date: HtmlInputElement = find(&root, &format!("#q-{first}-target"))
        .dyn_into()
        .unwrap();
    assert_eq!(date.value(), "2024-06-30");
    let other: HtmlInputElement = find(&root, &format!("#q-{second}-owner"))
        .dyn_into()
        .unwrap();
    assert_eq!(other.value(), "", "fields belong to their own question");
    assert!(text_of(
        &root,
        &format!("[data-question-id=\"{first}\"] .record summary")
    )
    .contains("filled in"));
}

#[wasm_bindgen_test]
async fn navigation_moves_between_families_and_to_the_next_unanswered() {
    let root = open_first_family().await;
    let bank = embedded_bank();
    let heading = |root: &Element| find(root, "#main .page-heading").text_content().unwrap();
    assert_eq!(heading(&root), bank.families[0].title);
    assert!(find(&root, ".nav-item[aria-current=page]")
        .text_content()
        .unwrap()
        .contains(&bank.families[0].title));

    click(&root, "[data-testid=next]").await;
    assert_eq!(heading(&root), bank.families[1].title);
    click(&root, "[data-testid=previous]").await;
    assert_eq!(heading(&root), bank.families[0].title);

    // Answer everything in the first family; "next unanswered" then leads to the second family.
    for question in bank.questions_in(&bank.families[0].id) {
        let selector = format!(
            "[data-question-id=\"{}\"] input[value=largely]",
            question.id
        );
        if count(&root, &selector) == 1 {
            click(&root, &selector).await;
        }
    }
    click(&root, "[data-testid=next-unanswered]").await;
    assert_eq!(heading(&root), bank.families[1].title);
    let focused = gloo_utils::document()
        .active_element()
        .expect("something has focus");
    assert_eq!(
        focused.get_attribute("type").as_deref(),
        Some("radio"),
        "focus lands on the question"
    );

    // The family list shows progress in words and numbers, not colour alone.
    let first_nav = find(&root, ".family-nav li:nth-child(3)")
        .text_content()
        .unwrap();
    assert!(first_nav.contains("complete"), "{first_nav}");
}

#[wasm_bindgen_test]
async fn a_profile_answer_hides_questions_and_lists_the_reason() {
    let root = mount_app().await;
    click(&root, "[data-testid=start-new]").await;
    let bank = embedded_bank();
    click(&root, "[data-profile-id=azure] input[value=no]").await;
    let azure_only = bank
        .questions
        .iter()
        .filter(|q| q.requires.iter().any(|f| f == "azure"))
        .count();
    assert!(azure_only > 0);
    assert_eq!(
        count(&root, "[data-testid=hidden-questions] li") as usize,
        azure_only
    );
    let progress = text_of(&root, "[data-testid=progress]");
    let expected = format!("0 of {} applicable", bank.questions.len() - azure_only);
    assert!(progress.contains(&expected), "{progress}");
}

#[wasm_bindgen_test]
async fn work_is_saved_and_restored_by_a_new_app_instance() {
    let root = open_first_family().await;
    let bank = embedded_bank();
    let first = first_question(&bank);
    click(
        &root,
        &format!("[data-question-id=\"{first}\"] input[value=largely]"),
    )
    .await;
    // The autosave waits a quarter of a second for more changes before writing.
    gloo_timers::future::TimeoutFuture::new(400).await;
    yew::scheduler::flush().await;
    assert!(text_of(&root, "[data-testid=save-status]").contains("Saved in this browser"));

    // A second app on the same storage, as after a reload: nothing is lost.
    let document = gloo_utils::document();
    let again = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&again).unwrap();
    yew::Renderer::<App>::with_root(again.clone()).render();
    yew::scheduler::flush().await;
    click(&again, "[data-testid=continue]").await;
    click(&again, "[data-testid=to-questions]").await;
    let radio: HtmlInputElement = find(
        &again,
        &format!("[data-question-id=\"{first}\"] input[value=largely]"),
    )
    .dyn_into()
    .unwrap();
    assert!(radio.checked(), "the answer was restored");
}
