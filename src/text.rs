//! Every user-facing string of the interface, in one place, so a second language can be added by
//! translating this module without touching components. Content (questions, sources) lives in the
//! question bank instead.

use assessment_core::{ActionStatus, Level};

pub const APP_TITLE: &str = "Midnight Blizzard response self-assessment";
pub const APP_TAGLINE: &str =
    "A private check of your organisation against the measures that followed the 2024 compromise of Microsoft's corporate email.";
pub const SKIP_LINK: &str = "Skip to main content";
pub const PRIVACY_PROMISE: &str =
    "Nothing you enter leaves this browser: there is no server, no account and no tracking.";

// Start screen
pub const START_WHAT_HEADING: &str = "What this is";
pub const START_WHAT: &str = "In January 2024 the Russian intelligence group known as Midnight Blizzard (APT29) guessed the password of a forgotten test account without multifactor authentication, then used an old test application to read Microsoft staff mailboxes, including mail that customers had sent to Microsoft. CISA's Emergency Directive 24-02 told US federal agencies to find out what they had exposed, reset credentials, review logs and secure privileged cloud accounts, and urged everyone else to do the same kind of work. This tool walks you through that work, scores where you stand and builds a prioritised action plan.";
pub const START_WHO: &str = "It is written for companies, state and local government, schools, hospitals and managed service providers: organisations the directive did not bind, adapted accordingly.";
pub const START_COVERS_HEADING: &str = "What it covers";
pub const START_TIME_HEADING: &str = "How long it takes";
pub const START_NEW: &str = "Start a new assessment";
pub const START_CONTINUE: &str = "Continue the current assessment";
pub const START_REPLACE_WARNING: &str =
    "Starting a new assessment clears the answers currently in this browser tab.";

pub fn start_time(questions: usize) -> String {
    format!("About 45 to 90 minutes for an IT lead who knows the Microsoft 365 tenant: a short profile, then up to {questions} questions in nine groups. You can skip questions and come back; unanswered questions count as not in place.")
}

pub fn start_sources_intro(count: usize) -> String {
    format!("The questions draw on {count} published sources, including:")
}

// Navigation and progress
pub const NAV_LABEL: &str = "Assessment sections";
pub const NAV_START: &str = "Start";
pub const NAV_DETAILS: &str = "Details and profile";
pub const NAV_SUMMARY: &str = "Summary";
pub const PREVIOUS: &str = "Previous";
pub const NEXT: &str = "Next";
pub const NEXT_UNANSWERED: &str = "Jump to the next unanswered question";
pub const ALL_ANSWERED: &str = "Every applicable question has an answer.";

pub fn progress(answered: u32, applicable: u32) -> String {
    format!("{answered} of {applicable} applicable questions answered")
}

pub fn family_progress(answered: u32, applicable: u32) -> String {
    format!("{answered}/{applicable}")
}

pub fn family_progress_long(answered: u32, applicable: u32) -> String {
    format!("{answered} of {applicable} answered")
}

pub const FAMILY_COMPLETE: &str = "complete";

// Details and profile
pub const DETAILS_HEADING: &str = "Assessment details";
pub const DETAILS_INTRO: &str =
    "These details appear on the reports. Only the organisation name is needed to name the files.";
pub const ORGANISATION: &str = "Organisation name";
pub const ASSESSOR: &str = "Assessor (who is answering)";
pub const ASSESSED_ON: &str = "Date of assessment";
pub const NOTIFIED_ON: &str =
    "Date Microsoft notified you, or you learned of possible exposure (optional)";
pub const NOTIFIED_ON_HELP: &str = "If you give it, the action plan shows due dates on the directive's timeline, adapted as guidance: immediately for exposed secrets, about four weeks for the review and analysis work.";
pub const PROFILE_HEADING: &str = "About your organisation";
pub const PROFILE_INTRO: &str = "These answers decide which questions apply to you. Anything you leave unanswered keeps its questions in.";
pub const DETAILS_CONTINUE: &str = "Continue to the questions";
pub const DATE_FORMAT_HINT: &str = "Format: yyyy-mm-dd";
pub const DATE_INVALID: &str =
    "This is not a valid date. Use the format yyyy-mm-dd, for example 2024-04-11.";

// Questions
pub const STATUS_UNANSWERED: &str = "Not answered yet";
pub const STATUS_NEEDS_REASON: &str =
    "Not answered yet: says it does not apply, but gives no reason";
pub const ANSWER_LEGEND_PREFIX: &str = "Your answer to";
pub const NOT_APPLICABLE: &str = "Does not apply";
pub const DONT_KNOW: &str = "Don't know";
pub const NA_REASON: &str = "Why does it not apply? (required)";
pub const NA_REASON_MISSING: &str =
    "Give a short reason. Until then this question counts as unanswered.";
pub const CLEAR_ANSWER: &str = "Clear answer";
pub const WHY: &str = "Why it matters";
pub const VERIFY: &str = "How to verify";
pub const REMEDY: &str = "What to do if it is not in place";
pub const REFERENCES: &str = "References and sources";
pub const SOURCES: &str = "Sources";
pub const ADAPTATION: &str = "For organisations outside the US federal government: ";
pub const RECORD: &str = "Evidence, owner and target date";
pub const NOTE: &str = "Evidence or note";
pub const OWNER: &str = "Owner";
pub const TARGET_DATE: &str = "Target date";
pub const RECORD_FILLED: &str = "(filled in)";
pub const HIDDEN_SHOW: &str = "Show which ones and why";

pub fn answered_status(answer: &str) -> String {
    format!("Answered: {answer}")
}

pub fn severity_effort(severity: &str, effort: &str) -> String {
    format!("Severity: {severity} \u{b7} Effort: {effort}")
}

pub fn hidden_heading(count: usize) -> String {
    match count {
        1 => "1 question does not apply to you".to_string(),
        n => format!("{n} questions do not apply to you"),
    }
}

pub fn family_hidden(count: usize) -> String {
    match count {
        1 => "1 question of this group does not apply to your organisation.".to_string(),
        n => format!("{n} questions of this group do not apply to your organisation."),
    }
}

pub fn level_label(level: Level) -> &'static str {
    match level {
        Level::None => "Not in place",
        Level::Partial => "Partly in place",
        Level::Largely => "Largely in place",
        Level::Fully => "Fully in place",
    }
}

pub fn action_status_label(status: ActionStatus) -> &'static str {
    match status {
        ActionStatus::Open => "Open",
        ActionStatus::InProgress => "In progress",
        ActionStatus::Done => "Done",
    }
}

// Scores
pub const OVERALL_SCORE: &str = "Overall score";
pub const SCORE_OF: &str = " / 100";

pub fn score_counts(fully: u32, applicable: u32, answered: u32, unanswered: u32) -> String {
    format!("{fully} of {applicable} applicable measures fully in place; {answered} answered, {unanswered} not answered yet.")
}

pub fn family_score(percent: u32, answered: u32, applicable: u32) -> String {
    format!("Group score: {percent} / 100 ({answered} of {applicable} answered)")
}

// Summary
pub const SUMMARY_HEADING: &str = "Summary";
pub const SUMMARY_DONE: &str = "You have answered every applicable question.";
pub const SUMMARY_UNANSWERED_HEADING: &str = "Still unanswered";
pub const SUMMARY_FAMILY: &str = "Group";
pub const SUMMARY_ANSWERED: &str = "Answered";
pub const SUMMARY_SCORE: &str = "Score";
pub const SUMMARY_CAPTION: &str = "Progress and score by group";

pub fn summary_remaining(count: u32) -> String {
    match count {
        1 => "1 applicable question is still unanswered. It counts as not in place until you answer it.".to_string(),
        n => format!("{n} applicable questions are still unanswered. They count as not in place until you answer them."),
    }
}

pub fn summary_needs_reason(count: usize) -> String {
    format!("{count} question(s) marked as not applicable still need a reason.")
}

// Footer
pub fn footer(app_version: &str, content_version: &str, edition: &str) -> String {
    let edition = match edition {
        "single-file" => "one-file edition",
        _ => "hosted edition",
    };
    format!("App version {app_version} ({edition}) \u{b7} question bank {content_version} \u{b7} runs entirely in your browser")
}

// Saving, storage and the library
pub const SAVE_NOT_YET: &str = "Not saved yet";
pub const SAVE_UNAVAILABLE: &str = "Not saved: this browser offers no storage here";
pub const SAVE_FULL: &str = "Not saved: browser storage is full";
pub const SAVE_FAILED: &str = "Not saved: the browser refused to store it";
pub const BANNER_MEMORY_ONLY: &str = "Your work is kept in this tab only and will be lost when it closes. Download it to keep a copy.";
pub const DOWNLOAD_WORK: &str = "Download my work";
pub const DISMISS: &str = "Dismiss";
pub const STORED_NOT_RESCUED: &str = "Some stored data could not be read, and there was no room to keep a copy of it. It has been left where it was.";
pub const ENTRY_MISSING: &str = "This assessment's stored data is missing.";
pub const COPY_SUFFIX: &str = " (copy)";

pub fn saved_at(time: &str) -> String {
    format!("Saved in this browser at {time}")
}

pub fn stored_unreadable(problem: &str) -> String {
    format!("The assessment stored in this browser could not be opened: {problem} You start with an empty assessment.")
}

pub fn stored_rescued(key: &str) -> String {
    format!("Stored data that could not be read was kept untouched under the storage key \u{201c}{key}\u{201d}.")
}

pub fn store_error(error: crate::storage::StoreError) -> &'static str {
    match error {
        crate::storage::StoreError::Unavailable => SAVE_UNAVAILABLE,
        crate::storage::StoreError::Full => SAVE_FULL,
        crate::storage::StoreError::Failed => SAVE_FAILED,
    }
}

// Opening and saving files
pub const FILE_UNREADABLE: &str = "The browser could not read this file.";
pub const SAVE_TO_FILE: &str = "Save to file";
pub const OPEN_FROM_FILE: &str = "Open from file";
pub const OPEN_HINT: &str = "Choose an assessment file (.json) saved by this tool, or drop it anywhere on this page. Your current assessment is kept in your library.";
pub const IMPORT_FAILED_HEADING: &str = "The file was not opened";
pub const IMPORT_UNTOUCHED: &str = "Your current assessment has not been changed.";
pub const IMPORT_CONFIRM_HEADING: &str = "Open this assessment?";
pub const IMPORT_CONFIRM: &str = "Open it";
pub const CANCEL: &str = "Cancel";
pub const IMPORT_KEEPS_CURRENT: &str =
    "Your current assessment stays in your library, and you can undo this.";
pub const IMPORT_NOTES_HEADING: &str = "Not everything in the file could be kept:";
pub const UNDO_OPEN: &str = "Undo: go back to the previous assessment";
pub const OPENED_NOTICE: &str = "The assessment was opened.";

pub fn import_summary(
    organisation: &str,
    answered: usize,
    version: u32,
    app_version: &str,
) -> String {
    let organisation = if organisation.trim().is_empty() {
        "an unnamed organisation"
    } else {
        organisation
    };
    format!("Assessment of {organisation} with {answered} recorded answers (file format {version}, saved by app version {app_version}).")
}

// Library page
pub const NAV_LIBRARY: &str = "Saved assessments";
pub const LIBRARY_HEADING: &str = "Saved assessments";
pub const LIBRARY_INTRO: &str = "Assessments kept in this browser's storage. They never leave this computer unless you save them to a file.";
pub const LIBRARY_EMPTY: &str = "No assessment is stored in this browser yet.";
pub const LIBRARY_UNAVAILABLE: &str = "This browser offers no storage here, so no library can be kept. Use Save to file to keep your work.";
pub const LIBRARY_CAPTION: &str = "Assessments stored in this browser";
pub const COL_NAME: &str = "Name";
pub const COL_DATE: &str = "Assessment date";
pub const COL_PROGRESS: &str = "Answered";
pub const COL_SCORE: &str = "Score";
pub const COL_SAVED: &str = "Last saved";
pub const COL_ACTIONS: &str = "Actions";
pub const CURRENT_MARK: &str = "(open now)";
pub const OPEN: &str = "Open";
pub const RENAME: &str = "Rename";
pub const RENAME_SAVE: &str = "Save name";
pub const DUPLICATE: &str = "Duplicate";
pub const DELETE: &str = "Delete";
pub const CONFIRM_DELETE: &str = "Yes, delete it";
pub const DELETE_ALL: &str = "Delete all my data";
pub const DELETE_ALL_CONFIRM: &str = "Yes, delete everything this tool stored";
pub const DELETE_ALL_WARNING: &str = "This removes every assessment and setting this tool stored in this browser. Files you saved are not affected. It cannot be undone.";
pub const DELETED_ALL: &str = "Everything this tool stored in this browser has been deleted.";
pub const UNDATED: &str = "no date";

pub fn confirm_delete(name: &str) -> String {
    format!("Delete \u{201c}{name}\u{201d} from this browser? This cannot be undone.")
}

pub fn new_name_label(name: &str) -> String {
    format!("New name for \u{201c}{name}\u{201d}")
}

pub fn action_label(action: &str, name: &str) -> String {
    format!("{action} \u{201c}{name}\u{201d}")
}

// Failure screen
pub const FAILURE_HEADING: &str = "Something went wrong in the assessment tool";
pub const FAILURE_SAFE: &str = "Your work is safe: it was saved in this browser after every change, up to the last answer you gave.";
pub const FAILURE_RELOAD: &str = "Reload the page to carry on where you left off. If the problem comes back, download your saved work below and open it in a newer version of the tool.";
pub const FAILURE_DOWNLOAD: &str = "Download your saved work";

// Results
pub const NAV_RESULTS: &str = "Results";
pub const TO_RESULTS: &str = "See the results and action plan";
pub const RESULTS_HEADING: &str = "Results";
pub const TIER_HEADING: &str = "Posture tier";
pub const HOLDING_HEADING: &str = "What holds you at this tier";
pub const HOLDING_NONE: &str = "Nothing: this is the highest tier.";
pub const CHART_HEADING: &str = "Score by group";
pub const CHART_TITLE: &str = "Bar chart of the score of each group, out of 100";
pub const PLAN_HEADING: &str = "Action plan";
pub const PLAN_INTRO: &str = "Every gap becomes an action, ranked by how much risk it removes for the effort it takes, and grouped by when to do it.";
pub const PLAN_EMPTY: &str =
    "No open actions: every applicable measure is fully in place or accepted as a risk.";
pub const FILTER_HEADING: &str = "Filter the plan";
pub const FILTER_HORIZON: &str = "When";
pub const FILTER_SEVERITY: &str = "Severity";
pub const FILTER_STATUS: &str = "Status";
pub const FILTER_ALL: &str = "All";
pub const FILTER_NONE_MATCH: &str = "No action matches these filters.";
pub const ACTION_WHY: &str = "Why";
pub const ACTION_FIRST: &str = "First step: ";
pub const ACTION_OWNER: &str = "Owner";
pub const ACTION_DUE: &str = "Due";
pub const ACTION_NO_OWNER: &str = "not set";
pub const ACTION_STATUS: &str = "Status";
pub const ACTION_EDIT: &str = "Edit the answer";
pub const ACCEPT_RISK: &str = "Accept as a risk";
pub const ACCEPT_HEADING: &str = "Accept this gap as a risk";
pub const ACCEPT_EXPLAIN: &str = "An accepted risk is listed separately and still counts as not in place. It needs a justification, the person who approved it and an expiry date.";
pub const JUSTIFICATION: &str = "Justification";
pub const APPROVER: &str = "Approved by";
pub const EXPIRES: &str = "Acceptance expires on";
pub const RECORD_ACCEPTANCE: &str = "Record the acceptance";
pub const ACCEPT_INCOMPLETE: &str = "Give a justification, an approver and an expiry date.";
pub const WITHDRAW: &str = "Withdraw the acceptance";
pub const RISKS_HEADING: &str = "Accepted risks";
pub const RISKS_NONE: &str = "No risks have been accepted.";
pub const RISK_JUSTIFICATION: &str = "Justification: ";
pub const RISK_APPROVER: &str = "Approved by: ";
pub const RISK_EXPIRES: &str = "Expires: ";
pub const RISK_NO_EXPIRY: &str = "no expiry date";
pub const FLAG_OVERDUE: &str = "Overdue";
pub const FLAG_ACCEPTANCE: &str = "Risk acceptance not valid";
pub const FLAG_DONE_NOT_UPDATED: &str = "Marked done, but the answer still says not fully in place";
pub const NEEDS_REASON_HEADING: &str = "Marked not applicable without a reason";
pub const METHOD_HEADING: &str = "How the score works";
pub const METHOD: [&str; 5] = [
    "Each applicable question earns points for how far the measure is in place: nothing for not in place, a third for partly, two thirds for largely, all of them for fully. Critical questions weigh 4, high 3, medium 2 and low 1.",
    "The score is the points earned as a share of the points possible, from 0 to 100. It shows 100 only when nothing is missing.",
    "Questions that do not apply to you, or that you marked as not applicable with a reason, are left out. Questions answered \u{201c}don't know\u{201d} or not answered count as not in place, so skipping never raises the score.",
    "The tier is stricter than the score: an average cannot hide a critical gap. Each tier needs every measure of a given severity to reach a given level, and everything the tiers below need.",
    "The full method, with a worked example you can recompute by hand, is in docs/SCORING.md of the tool's source and in the method section of the HTML report.",
];

pub fn score_line(percent: u32) -> String {
    format!("{percent} / 100")
}

pub fn tier_label(number: u32, name: &str) -> String {
    format!("Tier {number} of 4: {name}")
}

pub fn gating_line(state: &str, needed: &str) -> String {
    format!("now: {state}; needed: at least {needed}")
}

pub fn score_gate(score: u32, needed: u32) -> String {
    format!("The overall score is {score}; the next tier needs at least {needed}.")
}

pub fn plan_count(shown: usize, total: usize) -> String {
    format!("Showing {shown} of {total} actions.")
}

pub fn rank(rank: u32) -> String {
    format!("#{rank}")
}

pub fn accepted_count(count: usize) -> String {
    format!("{count} accepted risk(s), listed below; they do not count as in place.")
}

// Downloads
pub const DOWNLOADS_HEADING: &str = "Download the results";
pub const DOWNLOAD_REFUSED: &str = "The browser did not accept the download. Check that downloads are allowed for this page, then try again.";

/// Shown while a report is being made (the first one also loads the report generator).
pub fn report_making(label: &str) -> String {
    format!("Preparing: {label}\u{2026}")
}

/// Shown when a report could not be made; `reason` says why in a few words.
pub fn report_failed(reason: &str) -> String {
    format!("The file could not be made: {reason}. Your answers are unaffected; try again, or download the assessment file (JSON), which is always available.")
}

pub const DOWNLOADS_INTRO: &str = "Each file is made in this browser when you click, from the answers on this page. Nothing is sent anywhere: the file goes straight to your downloads.";
