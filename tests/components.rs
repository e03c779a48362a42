//! Browser component tests: mount the app into a fresh element in headless Chromium, act through
//! real controls (buttons, radios, selects, text inputs), and check what the DOM shows. Words come
//! from the interface table, never from English literals, and every test unmounts what it mounted.
#![cfg(target_arch = "wasm32")]

use assessment_core::{score, Assessment, Change, Level, Response};
use assessment_web::words::words;
use assessment_web::{bank, App};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{
    Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement,
    HtmlTextAreaElement,
};

wasm_bindgen_test_configure!(run_in_browser);

/// A mounted app; dropping it unmounts the app and removes its element.
struct Mounted {
    root: Element,
    app: Option<yew::AppHandle<App>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.root.remove();
    }
}

impl std::ops::Deref for Mounted {
    type Target = Element;

    fn deref(&self) -> &Element {
        &self.root
    }
}

/// Renders the whole app into a fresh element attached to the body and waits for the render.
async fn mount() -> Mounted {
    let document = gloo_utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    Mounted {
        root,
        app: Some(app),
    }
}

/// Mounts on empty storage, so no test sees another's saved work.
async fn mount_fresh() -> Mounted {
    gloo_utils::window()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
    mount().await
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

fn fire(target: &web_sys::EventTarget, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&event).unwrap();
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
    fire(&element, "input");
    yew::scheduler::flush().await;
}

/// Chooses the option with `value` in a select the way a user does: set it, fire `change`.
async fn choose(root: &Element, selector: &str, value: &str) {
    let select: HtmlSelectElement = find(root, selector).dyn_into().unwrap();
    select.set_value(value);
    fire(&select, "change");
    yew::scheduler::flush().await;
}

/// The text of the option a select displays.
fn shown_option(root: &Element, selector: &str) -> String {
    let select: HtmlSelectElement = find(root, selector).dyn_into().unwrap();
    let index = u32::try_from(select.selected_index()).expect("an option is selected");
    select
        .query_selector_all("option")
        .unwrap()
        .item(index)
        .unwrap()
        .text_content()
        .unwrap()
}

fn text_of(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

/// The id of the first question of the first family, where the walk-through begins.
fn first_question() -> String {
    let family = &bank().families[0].id;
    bank()
        .questions_in(family)
        .next()
        .expect("every family has questions")
        .id
        .clone()
}

/// Mounts the app and walks from the start screen to the first family page.
async fn open_first_family() -> Mounted {
    let root = mount_fresh().await;
    click(&root, "[data-testid=start-new]").await;
    click(&root, "[data-testid=to-questions]").await;
    root
}

/// Clicks the sidebar entry whose label is `label`.
async fn nav_to(root: &Element, label: &str) {
    let buttons = root.query_selector_all(".family-nav button").unwrap();
    for i in 0..buttons.length() {
        let button: HtmlElement = buttons.item(i).unwrap().dyn_into().unwrap();
        if button.text_content().unwrap_or_default().contains(label) {
            button.click();
            yew::scheduler::flush().await;
            return;
        }
    }
    panic!("no sidebar entry {label}");
}

/// The text of the sidebar entry whose label is `label`.
fn nav_entry(root: &Element, label: &str) -> String {
    let items = root.query_selector_all(".family-nav li").unwrap();
    (0..items.length())
        .filter_map(|i| items.item(i)?.text_content())
        .find(|text| text.contains(label))
        .unwrap_or_else(|| panic!("no sidebar entry {label}"))
}

/// Answers every shown question of every family `level`, page by page, ending on the summary.
async fn answer_everything(root: &Element, level: &str) {
    for family in &bank().families {
        for question in bank().questions_in(&family.id) {
            let selector = format!(
                "[data-question-id=\"{}\"] input[value={level}]",
                question.id
            );
            if count(root, &selector) == 1 {
                click(root, &selector).await;
            }
        }
        click(root, "[data-testid=next]").await;
    }
}

#[wasm_bindgen_test]
async fn the_start_screen_explains_and_starts() {
    let root = mount_fresh().await;
    let text = root.text_content().unwrap();
    assert!(text.contains(words().privacy_promise()));
    assert_eq!(count(&root, "[data-question-id]"), 0);
    click(&root, "[data-testid=start-new]").await;
    assert_eq!(
        count(&root, "[data-testid=organisation]"),
        1,
        "details page follows"
    );
}

#[wasm_bindgen_test]
async fn each_question_offers_the_choices_of_its_answer_type_and_names_them() {
    let root = mount_fresh().await;
    click(&root, "[data-testid=start-new]").await;
    click(&root, "[data-testid=to-questions]").await;
    let mut seen = std::collections::BTreeSet::new();
    for family in &bank().families {
        for question in bank().questions_in(&family.id) {
            let card = format!("[data-question-id=\"{}\"]", question.id);
            if count(&root, &card) == 0 {
                continue;
            }
            let levels = question.answer.levels();
            let radios = count(&root, &format!("{card} input[type=radio]"));
            assert_eq!(
                radios as usize,
                levels.len() + 2,
                "question {}",
                question.id
            );
            let labels = text_of(&root, &format!("{card} .choices"));
            for level in levels {
                assert!(
                    labels.contains(words().answer_label(question.answer, *level)),
                    "{}: {labels}",
                    question.id
                );
            }
            seen.insert(question.answer.key());
        }
        click(&root, "[data-testid=next]").await;
    }
    assert_eq!(seen.len(), 3, "every answer type is on some page: {seen:?}");
}

#[wasm_bindgen_test]
async fn a_setting_question_answers_on_or_off_and_says_which() {
    let root = open_first_family().await;
    let setting = bank()
        .questions
        .iter()
        .find(|q| {
            q.answer == assessment_core::AnswerType::Setting
                && q.requires.iter().all(|f| f == "m365")
        })
        .expect("a setting question for every Microsoft 365 tenant");
    nav_to(&root, &bank().family(&setting.family).unwrap().title).await;
    let card = format!("[data-question-id=\"{}\"]", setting.id);
    assert_eq!(
        count(&root, &format!("{card} input[value=largely]")),
        0,
        "no 'largely' for a setting"
    );
    click(&root, &format!("{card} input[value=fully]")).await;
    let on = words().answered_status(words().answer_label(setting.answer, Level::Fully));
    assert!(
        text_of(&root, &card).contains(&on),
        "{}",
        text_of(&root, &card)
    );
    assert!(on.ends_with("On"), "{on}");
}

#[wasm_bindgen_test]
async fn a_card_names_the_licence_it_needs_and_explains_its_terms() {
    let root = open_first_family().await;
    let gated = bank()
        .questions
        .iter()
        .find(|q| q.licences.iter().any(|l| l == "entra_p1") && q.free_alternative.is_some())
        .expect("a P1 question with a free alternative");
    nav_to(&root, &bank().family(&gated.family).unwrap().title).await;
    let card = format!("[data-question-id=\"{}\"]", gated.id);
    let licence = text_of(&root, &format!("{card} .licence-note"));
    assert!(licence.contains("Microsoft Entra ID P1"), "{licence}");
    assert!(
        licence.contains(gated.free_alternative.as_deref().unwrap()),
        "{licence}"
    );
    // A question every Microsoft 365 tenant gets whose text uses a glossary term.
    let with_terms = bank()
        .questions
        .iter()
        .find(|q| !bank().terms_in(q).is_empty() && q.requires.iter().all(|f| f == "m365"))
        .expect("a question uses a glossary term");
    nav_to(&root, &bank().family(&with_terms.family).unwrap().title).await;
    let card = format!("[data-question-id=\"{}\"]", with_terms.id);
    let term = bank().terms_in(with_terms)[0];
    let terms = text_of(&root, &format!("{card} .terms"));
    assert!(
        terms.contains(&term.term) && terms.contains(&term.definition),
        "{terms}"
    );
    // The glossary page lists every term and its back button returns to this page.
    click(&root, &format!("{card} .terms button")).await;
    assert_eq!(
        count(&root, "[data-testid=glossary] dt"),
        bank().glossary.len() as u32
    );
    click(&root, "[data-testid=glossary-back]").await;
    assert_eq!(count(&root, &card), 1, "back on the question's page");
}

#[wasm_bindgen_test]
async fn the_first_pass_gives_a_provisional_result_and_carries_into_the_full_assessment() {
    let root = mount_fresh().await;
    click(&root, "[data-testid=first-pass]").await;
    let shown = count(
        &root,
        "[data-testid=first-pass-questions] [data-question-id]",
    );
    assert!((1..=25).contains(&shown), "{shown} first-pass questions");
    assert!(text_of(&root, "[data-testid=provisional]").contains(words().provisional_note()));
    let first = find(
        &root,
        "[data-testid=first-pass-questions] [data-question-id]",
    )
    .get_attribute("data-question-id")
    .unwrap();
    click(
        &root,
        &format!("[data-question-id=\"{first}\"] input[value=fully]"),
    )
    .await;
    let score = text_of(&root, "[data-testid=provisional-score]");
    assert!(score.contains(&format!("({} answered)", 1)), "{score}");
    assert!(!score.contains("Provisional score: 0 out of"), "{score}");
    click(&root, "[data-testid=continue-full]").await;
    click(&root, "[data-testid=to-questions]").await;
    nav_to(
        &root,
        &bank()
            .family(&bank().question(&first).unwrap().family)
            .unwrap()
            .title,
    )
    .await;
    let radio: HtmlInputElement = find(
        &root,
        &format!("[data-question-id=\"{first}\"] input[value=fully]"),
    )
    .dyn_into()
    .unwrap();
    assert!(radio.checked(), "the first-pass answer is kept");
}

#[wasm_bindgen_test]
async fn answering_updates_the_live_score_and_the_question_status() {
    let root = open_first_family().await;
    let first = first_question();
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
    let want = score(bank(), &expected).overall.percent();
    assert_eq!(
        text_of(&root, "[data-testid=overall-score]"),
        want.to_string()
    );
    assert!(find(&root, &card).class_list().contains("answered"));
    let answer = bank().question(&first).unwrap().answer;
    let fully = words().answered_status(words().answer_label(answer, Level::Fully));
    assert!(text_of(&root, &card).contains(&fully));

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
    let first = first_question();
    let card = format!("[data-question-id=\"{first}\"]");

    click(&root, &format!("{card} input[value=not-applicable]")).await;
    let reason = format!("#q-{first}-na-reason");
    assert_eq!(
        find(&root, &reason)
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    assert!(text_of(&root, &card).contains(words().na_reason_missing()));
    assert!(text_of(&root, &card).contains(words().status_needs_reason()));
    type_into(&root, &reason, "We have no such system").await;
    assert_eq!(find(&root, &reason).get_attribute("aria-invalid"), None);
    assert!(!text_of(&root, &card).contains(words().na_reason_missing()));

    click(&root, &format!("{card} input[value=dont-know]")).await;
    assert!(text_of(&root, &card).contains(&words().answered_status(words().dont_know())));
    assert_eq!(
        count(&root, &reason),
        0,
        "the reason field goes with the choice"
    );
}

#[wasm_bindgen_test]
async fn evidence_owner_and_target_date_are_kept_per_question() {
    let root = open_first_family().await;
    let mut questions = bank().questions_in(&bank().families[0].id);
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
    .contains(words().record_filled()));
}

#[wasm_bindgen_test]
async fn navigation_moves_between_families_and_to_the_next_unanswered() {
    let root = open_first_family().await;
    let families = &bank().families;
    let heading = |root: &Element| find(root, "#main .page-heading").text_content().unwrap();
    assert_eq!(heading(&root), families[0].title);
    assert!(find(&root, ".nav-item[aria-current=page]")
        .text_content()
        .unwrap()
        .contains(&families[0].title));

    click(&root, "[data-testid=next]").await;
    assert_eq!(heading(&root), families[1].title);
    click(&root, "[data-testid=previous]").await;
    assert_eq!(heading(&root), families[0].title);

    // Answer everything in the first family; "next unanswered" then leads to the second family.
    for question in bank().questions_in(&families[0].id) {
        let selector = format!("[data-question-id=\"{}\"] input[value=fully]", question.id);
        if count(&root, &selector) == 1 {
            click(&root, &selector).await;
        }
    }
    click(&root, "[data-testid=next-unanswered]").await;
    assert_eq!(heading(&root), families[1].title);
    let focused = gloo_utils::document()
        .active_element()
        .expect("something has focus");
    assert_eq!(
        focused.get_attribute("type").as_deref(),
        Some("radio"),
        "focus lands on the question"
    );

    // The family list shows progress in words and numbers, not colour alone.
    let first_nav = nav_entry(&root, &families[0].title);
    assert!(first_nav.contains(words().family_complete()), "{first_nav}");
}

#[wasm_bindgen_test]
async fn a_profile_answer_hides_questions_and_lists_the_reason() {
    let root = mount_fresh().await;
    click(&root, "[data-testid=start-new]").await;
    click(&root, "[data-profile-id=azure] input[value=no]").await;
    let azure_only = bank()
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
    let expected = words().progress(0, (bank().questions.len() - azure_only) as u32);
    assert!(progress.contains(&expected), "{progress}");
    // The radio group shows the choice the state holds.
    let no: HtmlInputElement = find(&root, "[data-profile-id=azure] input[value=no]")
        .dyn_into()
        .unwrap();
    assert!(no.checked());
    assert_eq!(
        count(&root, "[data-profile-id=azure] input:checked"),
        1,
        "one choice shown"
    );
}

#[wasm_bindgen_test]
async fn work_is_saved_and_restored_by_a_new_app_instance() {
    let root = open_first_family().await;
    let first = first_question();
    click(
        &root,
        &format!("[data-question-id=\"{first}\"] input[value=fully]"),
    )
    .await;
    // Leaving the page writes at once, without waiting for the autosave's delay.
    fire(&gloo_utils::window(), "pagehide");
    yew::scheduler::flush().await;
    assert!(text_of(&root, "[data-testid=save-status]").contains(&words().saved_at("")));
    drop(root);

    // A second app on the same storage, as after a reload: nothing is lost.
    let again = mount().await;
    click(&again, "[data-testid=continue]").await;
    click(&again, "[data-testid=to-questions]").await;
    let radio: HtmlInputElement = find(
        &again,
        &format!("[data-question-id=\"{first}\"] input[value=fully]"),
    )
    .dyn_into()
    .unwrap();
    assert!(radio.checked(), "the answer was restored");
}

// Defects of issue 14: each of these failed before its fix.

#[wasm_bindgen_test]
async fn every_plan_select_shows_the_choice_it_filters_by() {
    let root = mount_fresh().await;
    click(&root, "[data-testid=start-new]").await;
    nav_to(&root, words().nav_results()).await;
    let all = words().filter_all();
    let total = count(&root, "[data-action-id]");
    assert!(total > 0);
    // After load: every filter shows "All", and the plan shows everything.
    for id in ["filter-horizon", "filter-severity", "filter-status"] {
        assert_eq!(
            shown_option(&root, &format!("[data-testid={id}]")),
            all,
            "{id}"
        );
    }
    // Every action's status select shows the action's status.
    let open = words().action_status_label(assessment_core::ActionStatus::Open);
    assert_eq!(shown_option(&root, "[data-testid=action-status]"), open);

    // After a change: the select shows the chosen severity, and the plan agrees with it.
    choose(&root, "[data-testid=filter-severity]", "high").await;
    let high = words().severity(assessment_core::Severity::High);
    assert_eq!(shown_option(&root, "[data-testid=filter-severity]"), high);
    let shown = count(&root, "[data-action-id]");
    assert!(shown < total);
    assert_eq!(
        count(&root, "[data-action-id].severity-high"),
        shown,
        "only high actions are shown"
    );
    assert_eq!(
        text_of(&root, "[data-testid=plan-count]"),
        words().plan_count(shown as usize, total as usize)
    );
    assert_eq!(shown_option(&root, "[data-testid=filter-horizon]"), all);

    // After leaving and reopening the page: the filter and its select still agree.
    nav_to(&root, words().nav_summary()).await;
    nav_to(&root, words().nav_results()).await;
    assert_eq!(shown_option(&root, "[data-testid=filter-severity]"), high);
    assert_eq!(count(&root, "[data-action-id]"), shown);
}

#[wasm_bindgen_test]
async fn a_reasonless_not_applicable_keeps_the_walk_through_open() {
    let root = open_first_family().await;
    let first = first_question();
    click(
        &root,
        &format!("[data-question-id=\"{first}\"] input[value=not-applicable]"),
    )
    .await;
    // Everything else fully in place.
    for family in &bank().families {
        for question in bank().questions_in(&family.id).filter(|q| q.id != first) {
            let selector = format!("[data-question-id=\"{}\"] input[value=fully]", question.id);
            if count(&root, &selector) == 1 {
                click(&root, &selector).await;
            }
        }
        click(&root, "[data-testid=next]").await;
    }
    // The summary, the score and the unanswered list agree: one question is still open.
    let status = text_of(&root, "[data-testid=summary-status]");
    assert_eq!(status, words().summary_remaining(1));
    assert_eq!(count(&root, "[data-testid=unanswered] li"), 1);
    assert!(text_of(&root, "[data-testid=unanswered]").contains(&first));
    assert_eq!(
        text_of(&root, "[data-testid=summary-needs-reason]"),
        words().summary_needs_reason(1)
    );
    // And "next unanswered" still leads to it.
    nav_to(&root, &bank().families[0].title).await;
    assert_eq!(count(&root, "[data-testid=all-answered]"), 0);
    click(&root, "[data-testid=next-unanswered]").await;
    let focused = gloo_utils::document().active_element().unwrap();
    assert_eq!(
        focused
            .closest("[data-question-id]")
            .unwrap()
            .unwrap()
            .get_attribute("data-question-id"),
        Some(first)
    );
}

#[wasm_bindgen_test]
async fn an_answer_out_of_scope_needs_no_reason() {
    let root = mount_fresh().await;
    click(&root, "[data-testid=start-new]").await;
    let azure_only = bank()
        .questions
        .iter()
        .find(|q| q.requires.iter().any(|f| f == "azure"))
        .expect("the bank has an Azure question");
    let family = &bank().family(&azure_only.family).unwrap().title;
    nav_to(&root, family).await;
    click(
        &root,
        &format!(
            "[data-question-id=\"{}\"] input[value=not-applicable]",
            azure_only.id
        ),
    )
    .await;
    nav_to(&root, words().nav_details()).await;
    click(&root, "[data-profile-id=azure] input[value=no]").await;
    nav_to(&root, words().nav_summary()).await;
    assert_eq!(count(&root, "[data-testid=summary-needs-reason]"), 0);
    assert!(!text_of(&root, "[data-testid=unanswered]").contains(&azure_only.id));
}

#[wasm_bindgen_test]
async fn the_acceptance_form_asks_for_what_the_plan_requires() {
    let root = mount_fresh().await;
    click(&root, "[data-testid=start-new]").await;
    nav_to(&root, words().nav_results()).await;
    let action = find(&root, "[data-action-id]");
    let question = action.get_attribute("data-action-id").unwrap();
    let accept = format!("[data-action-id=\"{question}\"] .button-row button");
    click(&root, &accept).await;
    type_into(
        &root,
        &format!("#accept-{question}-justification"),
        "Legacy kiosks",
    )
    .await;
    type_into(&root, &format!("#accept-{question}-approver"), "CISO").await;
    // Without an expiry date the form refuses, naming what is missing, as the plan would.
    click(
        &root,
        &format!("[data-action-id=\"{question}\"] .acceptance-form .primary"),
    )
    .await;
    let missing = [assessment_core::AcceptanceProblem::NoExpiry];
    assert!(text_of(&root, "[data-testid=acceptance-missing]")
        .contains(&words().acceptance_missing(&missing)));
    assert_eq!(count(&root, &format!("[data-risk-id=\"{question}\"]")), 0);
    type_into(&root, &format!("#accept-{question}-expires"), "2099-03-31").await;
    click(
        &root,
        &format!("[data-action-id=\"{question}\"] .acceptance-form .primary"),
    )
    .await;
    assert_eq!(count(&root, &format!("[data-risk-id=\"{question}\"]")), 1);
    assert_eq!(count(&root, &format!("[data-action-id=\"{question}\"]")), 0);
}

#[wasm_bindgen_test]
async fn everything_answered_says_so_everywhere() {
    let root = open_first_family().await;
    answer_everything(&root, "fully").await;
    assert_eq!(
        text_of(&root, "[data-testid=summary-status]"),
        words().summary_done()
    );
    assert_eq!(count(&root, "[data-testid=unanswered]"), 0);
}
