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
pub fn footer(app_version: &str, content_version: &str) -> String {
    format!("App version {app_version} \u{b7} question bank {content_version} \u{b7} runs entirely in your browser")
}
