//! Every word of the interface, as one typed table: the [`Words`] trait names each phrase, and
//! [`English`] gives them. A second language is one more `impl Words`, and the compiler refuses
//! it until every phrase is there. Content (questions, sources) lives in the question bank, and
//! the English names of the core's data (levels, severities, tiers, due-date sentences) come
//! from the core, which the reports share.

use assessment_core::encrypted::{
    DecryptError, PassphraseProblem, MAX_WORK_FACTOR, MIN_PASSPHRASE_CHARS,
};
use assessment_core::import::RowKind;
use assessment_core::profile::Exclusion;
use assessment_core::report::Download;
use assessment_core::savefile::{OpenError, OpenNote};
use assessment_core::scan::{Outcome, ReportId, ScanKind, ScanSource, Tenant, Tool};
use assessment_core::{
    AcceptanceProblem, ActionStatus, AnswerState, AnswerType, Due, Effort, FirstStep, Horizon,
    Level, Severity, Tally,
};

use crate::browser::files::ImportError;
use crate::browser::persistence::StorageNotice;
use crate::browser::reports::{CryptFailure, ReportFailure};
use crate::browser::storage::StoreError;
use crate::state::Notice;

/// The phrases of the interface. Methods that take values build the sentence around them.
pub trait Words {
    // The core's data in words
    fn severity(&self, severity: Severity) -> &'static str;
    fn effort(&self, effort: Effort) -> &'static str;
    fn horizon(&self, horizon: Horizon) -> &'static str;
    fn answer_state(&self, state: AnswerState) -> &'static str;
    fn tally(&self, tally: &Tally) -> String;
    fn due(&self, due: &Due) -> String;
    fn first_step(&self, step: &FirstStep) -> String;
    fn acceptance_problem(&self, problem: AcceptanceProblem) -> String;
    fn exclusion(&self, exclusion: &Exclusion) -> String;
    fn download_label(&self, download: Download) -> &'static str;
    fn tier_name(&self, tier: &assessment_core::TierResult) -> &'static str;
    fn tier_meaning(&self, tier: &assessment_core::TierResult) -> &'static str;
    fn open_error(&self, error: &OpenError) -> String;
    fn open_note(&self, note: &OpenNote) -> String;
    fn import_error(&self, error: &ImportError) -> String;
    fn notice(&self, notice: &Notice) -> String;
    fn report_failure(&self, failure: &ReportFailure) -> String;
    fn acceptance_missing(&self, missing: &[AcceptanceProblem]) -> String;

    // Passphrase-protected files
    fn save_encrypted(&self) -> &'static str;
    fn encrypt_heading(&self) -> &'static str;
    fn encrypt_explain(&self) -> String;
    fn passphrase(&self) -> &'static str;
    fn passphrase_again(&self) -> &'static str;
    fn encrypt_submit(&self) -> &'static str;
    fn encrypting(&self) -> &'static str;
    fn encrypted_saved(&self) -> &'static str;
    fn passphrase_problem(&self, problem: PassphraseProblem) -> String;
    fn decrypt_heading(&self) -> &'static str;
    fn decrypt_explain(&self) -> &'static str;
    fn decrypt_submit(&self) -> &'static str;
    fn decrypting(&self) -> &'static str;
    fn crypt_failure(&self, failure: &CryptFailure) -> String;

    fn app_title(&self) -> &'static str;
    fn app_tagline(&self) -> &'static str;
    fn skip_link(&self) -> &'static str;
    fn privacy_promise(&self) -> &'static str;

    // Start screen
    fn start_what_heading(&self) -> &'static str;
    fn start_what(&self) -> &'static str;
    fn start_who(&self) -> &'static str;
    fn start_covers_heading(&self) -> &'static str;
    fn start_time_heading(&self) -> &'static str;
    fn start_new(&self) -> &'static str;
    fn start_continue(&self) -> &'static str;
    fn start_replace_warning(&self) -> &'static str;
    fn start_time(&self, questions: usize) -> String;
    fn start_sources_intro(&self, count: usize) -> String;

    // Navigation and progress
    fn nav_label(&self) -> &'static str;
    fn nav_start(&self) -> &'static str;
    fn nav_details(&self) -> &'static str;
    fn nav_summary(&self) -> &'static str;
    fn previous(&self) -> &'static str;
    fn next(&self) -> &'static str;
    fn next_unanswered(&self) -> &'static str;
    fn all_answered(&self) -> &'static str;
    fn progress(&self, answered: u32, applicable: u32) -> String;
    fn family_progress(&self, answered: u32, applicable: u32) -> String;
    fn family_progress_long(&self, answered: u32, applicable: u32) -> String;
    fn family_complete(&self) -> &'static str;

    // Details and profile
    fn details_heading(&self) -> &'static str;
    fn details_intro(&self) -> &'static str;
    fn organisation(&self) -> &'static str;
    fn assessor(&self) -> &'static str;
    fn assessed_on(&self) -> &'static str;
    fn notified_on(&self) -> &'static str;
    fn notified_on_help(&self) -> &'static str;
    fn profile_heading(&self) -> &'static str;
    fn profile_intro(&self) -> &'static str;
    fn details_continue(&self) -> &'static str;
    fn date_format_hint(&self) -> &'static str;
    fn date_invalid(&self) -> &'static str;

    // Questions
    fn status_unanswered(&self) -> &'static str;
    fn status_needs_reason(&self) -> &'static str;
    fn answer_legend_prefix(&self) -> &'static str;
    fn not_applicable(&self) -> &'static str;
    fn dont_know(&self) -> &'static str;
    fn na_reason(&self) -> &'static str;
    fn na_reason_missing(&self) -> &'static str;
    fn clear_answer(&self) -> &'static str;
    fn why(&self) -> &'static str;
    fn verify(&self) -> &'static str;
    fn remedy(&self) -> &'static str;
    fn references(&self) -> &'static str;
    fn sources(&self) -> &'static str;
    fn adaptation(&self) -> &'static str;
    fn record(&self) -> &'static str;
    fn note(&self) -> &'static str;
    fn owner(&self) -> &'static str;
    fn target_date(&self) -> &'static str;
    fn record_filled(&self) -> &'static str;
    fn hidden_show(&self) -> &'static str;
    fn answered_status(&self, answer: &str) -> String;
    fn severity_effort(&self, severity: &str, effort: &str) -> String;
    fn hidden_heading(&self, count: usize) -> String;
    fn family_hidden(&self, count: usize) -> String;
    fn answer_label(&self, answer: AnswerType, level: Level) -> &'static str;
    fn action_status_label(&self, status: ActionStatus) -> &'static str;
    fn level_meanings(&self) -> &'static str;
    fn needs_licence(&self, name: &str, included_in: &str) -> String;
    fn free_alternative(&self) -> &'static str;
    fn facts_checked(&self, date: &str) -> String;
    fn terms_used(&self, terms: &str) -> String;
    fn open_glossary(&self) -> &'static str;
    fn family_closed(&self, reason: &str) -> String;

    // The first pass
    fn start_first_pass(&self) -> &'static str;
    fn start_first_pass_hint(&self, max: usize) -> String;
    fn first_pass_heading(&self) -> &'static str;
    fn first_pass_intro(&self, max: usize) -> String;
    fn first_pass_profile_heading(&self) -> &'static str;
    fn first_pass_questions_heading(&self, count: usize) -> String;
    fn first_pass_none(&self) -> &'static str;
    fn provisional_heading(&self) -> &'static str;
    fn provisional_score(&self, percent: u32, answered: u32, total: usize) -> String;
    fn provisional_tier(&self, tier: &str) -> String;
    fn provisional_note(&self) -> &'static str;
    fn first_pass_continue(&self) -> &'static str;
    fn nav_first_pass(&self) -> &'static str;

    // The glossary
    fn glossary_heading(&self) -> &'static str;
    fn glossary_intro(&self) -> &'static str;
    fn glossary_back(&self) -> &'static str;
    fn nav_glossary(&self) -> &'static str;

    // Scores
    fn overall_score(&self) -> &'static str;
    fn score_of(&self) -> &'static str;
    fn score_counts(&self, fully: u32, applicable: u32, answered: u32, unanswered: u32) -> String;
    fn family_score(&self, percent: u32, answered: u32, applicable: u32) -> String;

    // Summary
    fn summary_heading(&self) -> &'static str;
    fn summary_done(&self) -> &'static str;
    fn summary_unanswered_heading(&self) -> &'static str;
    fn summary_family(&self) -> &'static str;
    fn summary_answered(&self) -> &'static str;
    fn summary_score(&self) -> &'static str;
    fn summary_caption(&self) -> &'static str;
    fn summary_remaining(&self, count: usize) -> String;
    fn summary_needs_reason(&self, count: usize) -> String;

    // Footer
    fn footer(
        &self,
        app_version: &str,
        content_version: &str,
        reviewed_on: &str,
        edition: &str,
    ) -> String;

    // Saving, storage and the library
    fn save_not_yet(&self) -> &'static str;
    fn save_unavailable(&self) -> &'static str;
    fn save_full(&self) -> &'static str;
    fn save_failed(&self) -> &'static str;
    fn banner_memory_only(&self) -> &'static str;
    fn make_room(&self, room: &assessment_core::library::Room) -> String;
    fn download_work(&self) -> &'static str;
    fn dismiss(&self) -> &'static str;
    fn stored_not_rescued(&self) -> &'static str;
    fn entry_missing(&self) -> &'static str;
    fn copy_suffix(&self) -> &'static str;
    fn saved_at(&self, time: &str) -> String;
    fn stored_unreadable(&self, problem: &str) -> String;
    fn stored_rescued(&self, key: &str) -> String;
    fn store_error(&self, error: StoreError) -> &'static str;

    // Opening and saving files
    fn file_unreadable(&self) -> &'static str;
    fn save_to_file(&self) -> &'static str;
    fn open_from_file(&self) -> &'static str;
    fn open_hint(&self) -> &'static str;
    fn import_failed_heading(&self) -> &'static str;
    fn import_untouched(&self) -> &'static str;
    fn import_confirm_heading(&self) -> &'static str;
    fn import_confirm(&self) -> &'static str;
    fn cancel(&self) -> &'static str;
    fn import_keeps_current(&self) -> &'static str;
    fn import_notes_heading(&self) -> &'static str;
    fn undo_open(&self) -> &'static str;
    fn opened_notice(&self) -> &'static str;
    fn import_summary(
        &self,
        organisation: &str,
        answered: usize,
        version: u32,
        app_version: &str,
    ) -> String;

    // Library page
    fn nav_library(&self) -> &'static str;
    fn library_heading(&self) -> &'static str;
    fn library_intro(&self) -> &'static str;
    fn library_empty(&self) -> &'static str;
    fn library_unavailable(&self) -> &'static str;
    fn library_caption(&self) -> &'static str;
    fn col_name(&self) -> &'static str;
    fn col_date(&self) -> &'static str;
    fn col_progress(&self) -> &'static str;
    fn col_score(&self) -> &'static str;
    fn col_saved(&self) -> &'static str;
    fn col_actions(&self) -> &'static str;
    fn current_mark(&self) -> &'static str;
    fn open(&self) -> &'static str;
    fn rename(&self) -> &'static str;
    fn rename_save(&self) -> &'static str;
    fn duplicate(&self) -> &'static str;
    fn delete(&self) -> &'static str;
    fn confirm_delete_button(&self) -> &'static str;
    fn delete_all(&self) -> &'static str;
    fn delete_all_confirm(&self) -> &'static str;
    fn delete_all_warning(&self) -> &'static str;
    fn deleted_all(&self) -> &'static str;
    fn undated(&self) -> &'static str;
    fn confirm_delete(&self, name: &str) -> String;
    fn new_name_label(&self, name: &str) -> String;
    fn action_label(&self, action: &str, name: &str) -> String;

    // Comparing assessments
    fn compare_button(&self) -> &'static str;
    fn compare_heading(&self) -> &'static str;
    fn changes_file_name(&self, today: chrono::NaiveDate) -> String;

    // Failure screen
    fn failure_heading(&self) -> &'static str;
    fn failure_safe(&self) -> &'static str;
    fn failure_reload(&self) -> &'static str;
    fn failure_download(&self) -> &'static str;

    // Results
    fn nav_results(&self) -> &'static str;
    fn to_results(&self) -> &'static str;
    fn results_heading(&self) -> &'static str;
    fn tier_heading(&self) -> &'static str;
    fn holding_heading(&self) -> &'static str;
    fn holding_none(&self) -> &'static str;
    fn chart_heading(&self) -> &'static str;
    fn chart_title(&self) -> &'static str;
    fn plan_heading(&self) -> &'static str;
    fn plan_intro(&self) -> &'static str;
    fn plan_empty(&self) -> &'static str;
    fn filter_heading(&self) -> &'static str;
    fn filter_horizon(&self) -> &'static str;
    fn filter_severity(&self) -> &'static str;
    fn filter_status(&self) -> &'static str;
    fn filter_all(&self) -> &'static str;
    fn filter_none_match(&self) -> &'static str;
    fn action_why(&self) -> &'static str;
    fn action_first(&self) -> &'static str;
    fn action_owner(&self) -> &'static str;
    fn action_due(&self) -> &'static str;
    fn action_no_owner(&self) -> &'static str;
    fn action_status(&self) -> &'static str;
    fn action_edit(&self) -> &'static str;
    fn accept_risk(&self) -> &'static str;
    fn accept_heading(&self) -> &'static str;
    fn accept_explain(&self) -> &'static str;
    fn justification(&self) -> &'static str;
    fn approver(&self) -> &'static str;
    fn expires(&self) -> &'static str;
    fn record_acceptance(&self) -> &'static str;
    fn accept_incomplete(&self) -> &'static str;
    fn withdraw(&self) -> &'static str;
    fn risks_heading(&self) -> &'static str;
    fn risks_none(&self) -> &'static str;
    fn risk_justification(&self) -> &'static str;
    fn risk_approver(&self) -> &'static str;
    fn risk_expires(&self) -> &'static str;
    fn flag_overdue(&self) -> &'static str;
    fn flag_acceptance(&self) -> &'static str;
    fn flag_done_not_updated(&self) -> &'static str;
    fn needs_reason_heading(&self) -> &'static str;
    fn method_heading(&self) -> &'static str;
    fn method(&self) -> &'static [&'static str];
    fn score_line(&self, percent: u32) -> String;
    fn tier_label(&self, number: u32, name: &str) -> String;
    fn gating_line(&self, state: &str, needed: &str) -> String;
    fn score_gate(&self, score: u32, needed: u32) -> String;
    fn plan_count(&self, shown: usize, total: usize) -> String;
    fn rank(&self, rank: u32) -> String;
    fn accepted_count(&self, count: usize) -> String;

    // Downloads
    fn downloads_heading(&self) -> &'static str;
    fn download_refused(&self) -> &'static str;
    /// Shown while a report is being made (the first one also loads the report generator).
    fn report_making(&self, label: &str) -> String;
    /// Shown when a report could not be made; `reason` says why in a few words.
    fn report_failed(&self, reason: &str) -> String;
    fn downloads_intro(&self) -> &'static str;
    /// The label of the field that sets the Word report's confidentiality label.
    fn confidentiality_label(&self) -> &'static str;
    /// What that field holds until the person changes it.
    fn confidentiality_default(&self) -> &'static str;

    // Scanner evidence
    fn scan_preview_heading(&self) -> &'static str;
    fn scan_preview_intro(&self) -> &'static str;
    fn scan_tool(&self, tool: Tool) -> &'static str;
    fn scan_kind(&self, kind: &ScanKind) -> String;
    fn scan_fact_labels(&self) -> [&'static str; 6];
    fn scan_unknown(&self) -> &'static str;
    fn scan_tenant(&self, tenant: &Tenant) -> String;
    fn scan_stale(&self, days: i64) -> String;
    fn scan_other_tenant(&self, earlier: &Tenant) -> String;
    fn scan_damaged(&self) -> &'static str;
    fn scan_duplicates(&self, ids: &[String]) -> String;
    fn scan_unknown_policies(&self, ids: &[String]) -> String;
    fn scan_changes_heading(&self, count: usize) -> String;
    fn scan_no_changes(&self) -> &'static str;
    fn scan_columns(&self) -> [&'static str; 6];
    fn scan_row_kind(&self, kind: RowKind) -> &'static str;
    fn scan_unanswered(&self) -> &'static str;
    fn scan_earlier_wording(&self, policy: &str) -> String;
    fn scan_keep_mine(&self) -> &'static str;
    fn scan_take_scan(&self) -> &'static str;
    fn scan_keep_all(&self) -> &'static str;
    fn scan_take_all(&self) -> &'static str;
    fn scan_conflicts(&self, count: usize) -> String;
    fn scan_undecided_heading(&self, count: usize) -> &'static str;
    fn scan_undecided_intro(&self) -> &'static str;
    fn scan_outcome(&self, outcome: Outcome, verdict: &str) -> String;
    fn scan_missing(&self, policies: &[String]) -> String;
    fn scan_unused_heading(&self, count: usize) -> String;
    fn scan_confirm(&self) -> &'static str;
    fn scan_tenants_heading(&self) -> &'static str;
    fn scan_tenant_choice(&self, tenant: &Tenant, scanned_at: Option<&str>, checks: u32) -> String;
    fn scan_imported(&self, tool: Tool, answered: usize, kept: usize) -> String;
    fn undo_scan(&self) -> &'static str;
    fn provenance_heading(&self) -> &'static str;
    fn provenance_source(&self, source: &ScanSource) -> String;
    fn provenance_report(&self, report: &ReportId) -> String;
    fn provenance_changed(&self, scan_said: &str) -> String;
    fn provenance_missing_scan(&self) -> &'static str;
}

/// The interface in English.
pub struct English;

impl Words for English {
    fn severity(&self, severity: Severity) -> &'static str {
        severity.label()
    }

    fn effort(&self, effort: Effort) -> &'static str {
        effort.label()
    }

    fn horizon(&self, horizon: Horizon) -> &'static str {
        horizon.label()
    }

    fn answer_state(&self, state: AnswerState) -> &'static str {
        state.label()
    }

    fn tally(&self, tally: &Tally) -> String {
        tally.summary()
    }

    fn due(&self, due: &Due) -> String {
        due.explanation()
    }

    fn first_step(&self, step: &FirstStep) -> String {
        step.sentence()
    }

    fn acceptance_problem(&self, problem: AcceptanceProblem) -> String {
        problem.label()
    }

    fn exclusion(&self, exclusion: &Exclusion) -> String {
        exclusion.reason()
    }

    fn download_label(&self, download: Download) -> &'static str {
        download.label()
    }

    fn tier_name(&self, tier: &assessment_core::TierResult) -> &'static str {
        tier.name
    }

    fn tier_meaning(&self, tier: &assessment_core::TierResult) -> &'static str {
        tier.meaning
    }

    fn open_error(&self, error: &OpenError) -> String {
        error.to_string()
    }

    fn open_note(&self, note: &OpenNote) -> String {
        note.to_string()
    }

    fn import_error(&self, error: &ImportError) -> String {
        match error {
            ImportError::Refused(error) => self.open_error(error),
            ImportError::Unreadable => self.file_unreadable().to_string(),
            ImportError::EntryMissing => self.entry_missing().to_string(),
            ImportError::Storage(error) => self.store_error(*error).to_string(),
            ImportError::NamedEncryptedButIsNot => "The file's name ends in .age, as encrypted files do, but it is not encrypted. If it is an assessment file, rename it to end in .json and open it again.".into(),
            // The core's sentence ends by saying nothing changed; the banner says so below it.
            ImportError::Scan(reason) => reason
                .strip_suffix(" Nothing was changed.")
                .unwrap_or(reason)
                .to_owned(),
            ImportError::ScanReaderUnavailable => "The part of the tool that reads scanner files could not be loaded. Reload the page and try again.".into(),
        }
    }

    fn notice(&self, notice: &Notice) -> String {
        match notice {
            Notice::Storage(StorageNotice::Rescued { key }) => self.stored_rescued(key),
            Notice::Storage(StorageNotice::NotRescued) => self.stored_not_rescued().to_string(),
            Notice::Storage(StorageNotice::Unreadable(error)) => {
                self.stored_unreadable(&self.open_error(error))
            }
            Notice::File(note) => self.open_note(note),
            Notice::DeletedAll => self.deleted_all().to_string(),
            Notice::ScanImported { tool, answered, kept } => self.scan_imported(*tool, *answered, *kept),
            Notice::GuidanceUnavailable => "The explanations of the questions (why each matters, how to verify it, what to do) could not be loaded. Answering, scoring and saving still work; reload the page to try again.".to_string(),
        }
    }

    fn report_failure(&self, failure: &ReportFailure) -> String {
        match failure {
            ReportFailure::Refused(reason) => self.report_failed(reason),
            ReportFailure::NotLoaded => {
                self.report_failed("the report generator could not be loaded")
            }
            ReportFailure::NoText => self.report_failed("the report generator returned no text"),
            ReportFailure::DownloadRefused => self.download_refused().to_string(),
        }
    }

    fn save_encrypted(&self) -> &'static str {
        "Save encrypted"
    }

    fn encrypt_heading(&self) -> &'static str {
        "Save a copy protected by a passphrase"
    }

    fn encrypt_explain(&self) -> String {
        format!("The file is encrypted in the age format: anyone with the passphrase can open it here or with the age tool, and nobody without it can. A forgotten passphrase cannot be recovered, by you or anyone else, so keep it somewhere safe. Use at least {MIN_PASSPHRASE_CHARS} characters, for example four unrelated words: whoever holds the file can try passphrases offline, as fast as their computers allow, and short ones fall quickly.")
    }

    fn passphrase(&self) -> &'static str {
        "Passphrase"
    }

    fn passphrase_again(&self) -> &'static str {
        "The same passphrase again"
    }

    fn encrypt_submit(&self) -> &'static str {
        "Encrypt and save"
    }

    fn encrypting(&self) -> &'static str {
        "Encrypting\u{2026} this takes about a second."
    }

    fn encrypted_saved(&self) -> &'static str {
        "The encrypted file was saved to your downloads. The passphrase has been cleared from this page."
    }

    fn passphrase_problem(&self, problem: PassphraseProblem) -> String {
        match problem {
            PassphraseProblem::TooShort => format!("Use at least {MIN_PASSPHRASE_CHARS} characters: shorter passphrases can be guessed quickly by anyone who has the file."),
            PassphraseProblem::Mismatch => "The two passphrases are not the same.".to_string(),
        }
    }

    fn decrypt_heading(&self) -> &'static str {
        "This file is encrypted"
    }

    fn decrypt_explain(&self) -> &'static str {
        "Type the passphrase it was saved with. Your current assessment is not changed until you confirm opening the file."
    }

    fn decrypt_submit(&self) -> &'static str {
        "Decrypt"
    }

    fn decrypting(&self) -> &'static str {
        "Decrypting\u{2026} this takes about a second."
    }

    fn crypt_failure(&self, failure: &CryptFailure) -> String {
        match failure {
            CryptFailure::Refused(DecryptError::WrongPassphrase) => "This passphrase does not open the file. Check it and try again; a forgotten passphrase cannot be recovered.".into(),
            CryptFailure::Refused(DecryptError::WorkFactorTooHigh { asked }) => format!("The file asks for far more work to open than any file this tool or the age tool writes (work factor {asked}; the limit is {MAX_WORK_FACTOR}), which could freeze this page and take gigabytes of memory. It was not opened."),
            CryptFailure::Refused(DecryptError::Damaged) => "The file was changed or cut short after it was encrypted, so it cannot be trusted and was not opened.".into(),
            CryptFailure::Refused(DecryptError::NotPassphrase) => "This file is encrypted for a key, not with a passphrase, so this tool cannot open it. Decrypt it with the age tool and the key first.".into(),
            CryptFailure::Refused(DecryptError::Malformed) | CryptFailure::Refused(DecryptError::NotEncrypted) => "This file looks encrypted, but its header is damaged or not in the age format.".into(),
            CryptFailure::NotLoaded => "The encryption part of the tool could not be loaded. Check the connection to the server that hosts this tool, then try again.".into(),
            CryptFailure::NoRandomness => "This browser gave no random numbers, which encryption needs. Try another browser.".into(),
        }
    }

    fn acceptance_missing(&self, missing: &[AcceptanceProblem]) -> String {
        let what: Vec<&str> = missing
            .iter()
            .filter_map(|problem| match problem {
                AcceptanceProblem::NoJustification => Some("a justification"),
                AcceptanceProblem::NoApprover => Some("the name of the approver"),
                AcceptanceProblem::NoExpiry => Some("an expiry date"),
                AcceptanceProblem::Expired { .. } => None,
            })
            .collect();
        format!("Still needed: {}.", what.join(", "))
    }

    fn app_title(&self) -> &'static str {
        "Midnight Blizzard response self-assessment"
    }

    fn app_tagline(&self) -> &'static str {
        "A private check of your organisation against the measures that followed the 2024 compromise of Microsoft's corporate email."
    }

    fn skip_link(&self) -> &'static str {
        "Skip to main content"
    }

    fn privacy_promise(&self) -> &'static str {
        "Nothing you enter leaves this browser: there is no server, no account and no tracking."
    }

    fn start_what_heading(&self) -> &'static str {
        "What this is"
    }

    fn start_what(&self) -> &'static str {
        "In January 2024 the Russian intelligence group known as Midnight Blizzard (APT29) guessed the password of a forgotten test account without multifactor authentication, then used an old test application to read Microsoft staff mailboxes, including mail that customers had sent to Microsoft. CISA's Emergency Directive 24-02 told US federal agencies to find out what they had exposed, reset credentials, review logs and secure privileged cloud accounts, and urged everyone else to do the same kind of work. This tool walks you through that work, scores where you stand and builds a prioritised action plan."
    }

    fn start_who(&self) -> &'static str {
        "It is written for companies, state and local government, schools, hospitals and managed service providers: organisations the directive did not bind, adapted accordingly."
    }

    fn start_covers_heading(&self) -> &'static str {
        "What it covers"
    }

    fn start_time_heading(&self) -> &'static str {
        "How long it takes"
    }

    fn start_new(&self) -> &'static str {
        "Start a new assessment"
    }

    fn start_continue(&self) -> &'static str {
        "Continue the current assessment"
    }

    fn start_replace_warning(&self) -> &'static str {
        "Starting a new assessment clears the answers currently in this browser tab."
    }

    fn start_time(&self, questions: usize) -> String {
        format!("About 45 to 90 minutes for an IT lead who knows the Microsoft 365 tenant: a short profile, then up to {questions} questions in nine groups. You can skip questions and come back; unanswered questions count as not in place.")
    }

    fn start_sources_intro(&self, count: usize) -> String {
        format!("The questions draw on {count} published sources, including:")
    }

    fn nav_label(&self) -> &'static str {
        "Assessment sections"
    }

    fn nav_start(&self) -> &'static str {
        "Start"
    }

    fn nav_details(&self) -> &'static str {
        "Details and profile"
    }

    fn nav_summary(&self) -> &'static str {
        "Summary"
    }

    fn previous(&self) -> &'static str {
        "Previous"
    }

    fn next(&self) -> &'static str {
        "Next"
    }

    fn next_unanswered(&self) -> &'static str {
        "Jump to the next unanswered question"
    }

    fn all_answered(&self) -> &'static str {
        "Every applicable question has an answer."
    }

    fn progress(&self, answered: u32, applicable: u32) -> String {
        format!("{answered} of {applicable} applicable questions answered")
    }

    fn family_progress(&self, answered: u32, applicable: u32) -> String {
        format!("{answered}/{applicable}")
    }

    fn family_progress_long(&self, answered: u32, applicable: u32) -> String {
        format!("{answered} of {applicable} answered")
    }

    fn family_complete(&self) -> &'static str {
        "complete"
    }

    fn details_heading(&self) -> &'static str {
        "Assessment details"
    }

    fn details_intro(&self) -> &'static str {
        "These details appear on the reports. Only the organisation name is needed to name the files."
    }

    fn organisation(&self) -> &'static str {
        "Organisation name"
    }

    fn assessor(&self) -> &'static str {
        "Assessor (who is answering)"
    }

    fn assessed_on(&self) -> &'static str {
        "Date of assessment"
    }

    fn notified_on(&self) -> &'static str {
        "Date Microsoft notified you, or you learned of possible exposure (optional)"
    }

    fn notified_on_help(&self) -> &'static str {
        "If you give it, the action plan shows due dates on the directive's timeline, adapted as guidance: immediately for exposed secrets, about four weeks for the review and analysis work."
    }

    fn profile_heading(&self) -> &'static str {
        "About your organisation"
    }

    fn profile_intro(&self) -> &'static str {
        "These answers decide which questions apply to you. Anything you leave unanswered keeps its questions in."
    }

    fn details_continue(&self) -> &'static str {
        "Continue to the questions"
    }

    fn date_format_hint(&self) -> &'static str {
        "Format: yyyy-mm-dd"
    }

    fn date_invalid(&self) -> &'static str {
        "This is not a valid date. Use the format yyyy-mm-dd, for example 2024-04-11."
    }

    fn status_unanswered(&self) -> &'static str {
        "Not answered yet"
    }

    fn status_needs_reason(&self) -> &'static str {
        "Not answered yet: says it does not apply, but gives no reason"
    }

    fn answer_legend_prefix(&self) -> &'static str {
        "Your answer to"
    }

    fn not_applicable(&self) -> &'static str {
        "Does not apply"
    }

    fn dont_know(&self) -> &'static str {
        "Don't know"
    }

    fn na_reason(&self) -> &'static str {
        "Why does it not apply? (required)"
    }

    fn na_reason_missing(&self) -> &'static str {
        "Give a short reason. Until then this question counts as unanswered."
    }

    fn clear_answer(&self) -> &'static str {
        "Clear answer"
    }

    fn why(&self) -> &'static str {
        "Why it matters"
    }

    fn verify(&self) -> &'static str {
        "How to verify"
    }

    fn remedy(&self) -> &'static str {
        "What to do if it is not in place"
    }

    fn references(&self) -> &'static str {
        "References and sources"
    }

    fn sources(&self) -> &'static str {
        "Sources"
    }

    fn adaptation(&self) -> &'static str {
        "For organisations outside the US federal government: "
    }

    fn record(&self) -> &'static str {
        "Evidence, owner and target date"
    }

    fn note(&self) -> &'static str {
        "Evidence or note"
    }

    fn owner(&self) -> &'static str {
        "Owner"
    }

    fn target_date(&self) -> &'static str {
        "Target date"
    }

    fn record_filled(&self) -> &'static str {
        "(filled in)"
    }

    fn hidden_show(&self) -> &'static str {
        "Show which ones and why"
    }

    fn answered_status(&self, answer: &str) -> String {
        format!("Answered: {answer}")
    }

    fn severity_effort(&self, severity: &str, effort: &str) -> String {
        format!("Severity: {severity} \u{b7} Effort: {effort}")
    }

    fn hidden_heading(&self, count: usize) -> String {
        match count {
            1 => "1 question does not apply to you".to_string(),
            n => format!("{n} questions do not apply to you"),
        }
    }

    fn family_hidden(&self, count: usize) -> String {
        match count {
            1 => "1 question of this group does not apply to your organisation.".to_string(),
            n => format!("{n} questions of this group do not apply to your organisation."),
        }
    }

    // The core's names for its data are the English of both the reports and the interface.
    fn answer_label(&self, answer: AnswerType, level: Level) -> &'static str {
        answer.label(level)
    }

    fn level_meanings(&self) -> &'static str {
        "What each answer means here"
    }

    fn needs_licence(&self, name: &str, included_in: &str) -> String {
        format!("Needs {name} (included in {included_in}).")
    }

    fn free_alternative(&self) -> &'static str {
        "Without it: "
    }

    fn facts_checked(&self, date: &str) -> String {
        format!("Dates and licence rules checked on {date}")
    }

    fn terms_used(&self, terms: &str) -> String {
        format!("Terms used here: {terms}")
    }

    fn open_glossary(&self) -> &'static str {
        "All terms in the glossary"
    }

    fn family_closed(&self, reason: &str) -> String {
        format!("This group is complete: {reason} Its questions no longer count in the score; you can still answer them.")
    }

    fn start_first_pass(&self) -> &'static str {
        "Start with a first pass"
    }

    fn start_first_pass_hint(&self, max: usize) -> String {
        format!("About 20 minutes: a short profile and at most {max} of the most important questions for a provisional score. Everything you answer carries over into the full assessment.")
    }

    fn first_pass_heading(&self) -> &'static str {
        "First pass"
    }

    fn first_pass_intro(&self, max: usize) -> String {
        format!("Answer the profile, then the most important questions that apply to you (critical and high severity, at most {max}). The result below is provisional until you finish the full assessment.")
    }

    fn first_pass_profile_heading(&self) -> &'static str {
        "Your organisation"
    }

    fn first_pass_questions_heading(&self, count: usize) -> String {
        match count {
            1 => "The 1 most important question for you".to_string(),
            n => format!("The {n} most important questions for you"),
        }
    }

    fn first_pass_none(&self) -> &'static str {
        "None of the first-pass questions applies to your profile. Continue with the full assessment."
    }

    fn provisional_heading(&self) -> &'static str {
        "Provisional result"
    }

    fn provisional_score(&self, percent: u32, answered: u32, total: usize) -> String {
        format!("Provisional score: {percent} out of 100, over the {total} first-pass questions ({answered} answered).")
    }

    fn provisional_tier(&self, tier: &str) -> String {
        format!("Provisional tier: {tier}")
    }

    fn provisional_note(&self) -> &'static str {
        "Provisional: it covers only the first-pass questions. The full assessment asks the rest and may change both the score and the tier."
    }

    fn first_pass_continue(&self) -> &'static str {
        "Continue with the full assessment"
    }

    fn nav_first_pass(&self) -> &'static str {
        "First pass"
    }

    fn glossary_heading(&self) -> &'static str {
        "Glossary"
    }

    fn glossary_intro(&self) -> &'static str {
        "The technical terms the questions use, in plain words."
    }

    fn glossary_back(&self) -> &'static str {
        "Back"
    }

    fn nav_glossary(&self) -> &'static str {
        "Glossary"
    }

    fn action_status_label(&self, status: ActionStatus) -> &'static str {
        status.label()
    }

    fn overall_score(&self) -> &'static str {
        "Overall score"
    }

    fn score_of(&self) -> &'static str {
        " / 100"
    }

    fn score_counts(&self, fully: u32, applicable: u32, answered: u32, unanswered: u32) -> String {
        format!("{fully} of {applicable} applicable measures fully in place; {answered} answered, {unanswered} not answered yet.")
    }

    fn family_score(&self, percent: u32, answered: u32, applicable: u32) -> String {
        format!("Group score: {percent} / 100 ({answered} of {applicable} answered)")
    }

    fn summary_heading(&self) -> &'static str {
        "Summary"
    }

    fn summary_done(&self) -> &'static str {
        "You have answered every applicable question."
    }

    fn summary_unanswered_heading(&self) -> &'static str {
        "Still unanswered"
    }

    fn summary_family(&self) -> &'static str {
        "Group"
    }

    fn summary_answered(&self) -> &'static str {
        "Answered"
    }

    fn summary_score(&self) -> &'static str {
        "Score"
    }

    fn summary_caption(&self) -> &'static str {
        "Progress and score by group"
    }

    fn summary_remaining(&self, count: usize) -> String {
        match count {
        1 => "1 applicable question is still unanswered. It counts as not in place until you answer it.".to_string(),
        n => format!("{n} applicable questions are still unanswered. They count as not in place until you answer them."),
    }
    }

    fn summary_needs_reason(&self, count: usize) -> String {
        format!("{count} question(s) marked as not applicable still need a reason.")
    }

    fn footer(
        &self,
        app_version: &str,
        content_version: &str,
        reviewed_on: &str,
        edition: &str,
    ) -> String {
        let edition = match edition {
            "single-file" => "one-file edition",
            _ => "hosted edition",
        };
        format!("App version {app_version} ({edition}) \u{b7} question bank {content_version}, checked against its sources on {reviewed_on} \u{b7} runs entirely in your browser")
    }

    fn save_not_yet(&self) -> &'static str {
        "Not saved yet"
    }

    fn save_unavailable(&self) -> &'static str {
        "Not saved: this browser offers no storage here"
    }

    fn save_full(&self) -> &'static str {
        "Not saved: browser storage is full"
    }

    fn make_room(&self, room: &assessment_core::library::Room) -> String {
        let kb = |bytes: usize| bytes.div_ceil(1024);
        let named: Vec<String> = room
            .suggested
            .iter()
            .map(|(e, bytes)| format!("\u{201c}{}\u{201d} ({} KB)", e.name, kb(*bytes)))
            .collect();
        let start = format!(
            "Saved assessments take {} KB of this browser's storage.",
            kb(room.total)
        );
        if named.is_empty() {
            return format!(
                "{start} Nothing else is stored here to make room: keep this assessment as a file."
            );
        }
        format!(
            "{start} To make room, open Saved assessments, save these to files with Save to file, then delete them: {}. Your open assessment is kept meanwhile.",
            named.join(", ")
        )
    }

    fn save_failed(&self) -> &'static str {
        "Not saved: the browser refused to store it"
    }

    fn banner_memory_only(&self) -> &'static str {
        "Your work is kept in this tab only and will be lost when it closes. Download it to keep a copy."
    }

    fn download_work(&self) -> &'static str {
        "Download my work"
    }

    fn dismiss(&self) -> &'static str {
        "Dismiss"
    }

    fn stored_not_rescued(&self) -> &'static str {
        "Some stored data could not be read, and there was no room to keep a copy of it. It has been left where it was."
    }

    fn entry_missing(&self) -> &'static str {
        "This assessment's stored data is missing."
    }

    fn copy_suffix(&self) -> &'static str {
        " (copy)"
    }

    fn saved_at(&self, time: &str) -> String {
        format!("Saved in this browser at {time}")
    }

    fn stored_unreadable(&self, problem: &str) -> String {
        format!("The assessment stored in this browser could not be opened: {problem} You start with an empty assessment.")
    }

    fn stored_rescued(&self, key: &str) -> String {
        format!("Stored data that could not be read was kept untouched under the storage key \u{201c}{key}\u{201d}.")
    }

    fn store_error(&self, error: StoreError) -> &'static str {
        match error {
            StoreError::Unavailable => self.save_unavailable(),
            StoreError::Full => self.save_full(),
            StoreError::Failed => self.save_failed(),
        }
    }

    fn file_unreadable(&self) -> &'static str {
        "The browser could not read this file."
    }

    fn save_to_file(&self) -> &'static str {
        "Save to file"
    }

    fn open_from_file(&self) -> &'static str {
        "Open from file"
    }

    fn open_hint(&self) -> &'static str {
        "Choose an assessment file saved by this tool (.json, or .json.age if encrypted), or a ScubaGear or Maester results file (.json) to use its evidence; or drop the file anywhere on this page. You see what a scan would change before anything does, and your current assessment is kept in your library."
    }

    fn import_failed_heading(&self) -> &'static str {
        "The file was not opened"
    }

    fn import_untouched(&self) -> &'static str {
        "Your current assessment has not been changed."
    }

    fn import_confirm_heading(&self) -> &'static str {
        "Open this assessment?"
    }

    fn import_confirm(&self) -> &'static str {
        "Open it"
    }

    fn cancel(&self) -> &'static str {
        "Cancel"
    }

    fn import_keeps_current(&self) -> &'static str {
        "Your current assessment stays in your library, and you can undo this."
    }

    fn import_notes_heading(&self) -> &'static str {
        "Not everything in the file could be kept:"
    }

    fn undo_open(&self) -> &'static str {
        "Undo: go back to the previous assessment"
    }

    fn opened_notice(&self) -> &'static str {
        "The assessment was opened."
    }

    fn import_summary(
        &self,
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

    fn nav_library(&self) -> &'static str {
        "Saved assessments"
    }

    fn library_heading(&self) -> &'static str {
        "Saved assessments"
    }

    fn library_intro(&self) -> &'static str {
        "Assessments kept in this browser's storage. They never leave this computer unless you save them to a file."
    }

    fn library_empty(&self) -> &'static str {
        "No assessment is stored in this browser yet."
    }

    fn compare_button(&self) -> &'static str {
        "Compare assessments"
    }

    fn compare_heading(&self) -> &'static str {
        "Compare assessments"
    }

    fn changes_file_name(&self, today: chrono::NaiveDate) -> String {
        format!("changes_{}.csv", assessment_core::dates::iso(today))
    }

    fn library_unavailable(&self) -> &'static str {
        "This browser offers no storage here, so no library can be kept. Use Save to file to keep your work."
    }

    fn library_caption(&self) -> &'static str {
        "Assessments stored in this browser"
    }

    fn col_name(&self) -> &'static str {
        "Name"
    }

    fn col_date(&self) -> &'static str {
        "Assessment date"
    }

    fn col_progress(&self) -> &'static str {
        "Answered"
    }

    fn col_score(&self) -> &'static str {
        "Score"
    }

    fn col_saved(&self) -> &'static str {
        "Last saved"
    }

    fn col_actions(&self) -> &'static str {
        "Actions"
    }

    fn current_mark(&self) -> &'static str {
        "(open now)"
    }

    fn open(&self) -> &'static str {
        "Open"
    }

    fn rename(&self) -> &'static str {
        "Rename"
    }

    fn rename_save(&self) -> &'static str {
        "Save name"
    }

    fn duplicate(&self) -> &'static str {
        "Duplicate"
    }

    fn delete(&self) -> &'static str {
        "Delete"
    }

    fn confirm_delete_button(&self) -> &'static str {
        "Yes, delete it"
    }

    fn delete_all(&self) -> &'static str {
        "Delete all my data"
    }

    fn delete_all_confirm(&self) -> &'static str {
        "Yes, delete everything this tool stored"
    }

    fn delete_all_warning(&self) -> &'static str {
        "This removes every assessment and setting this tool stored in this browser. Files you saved are not affected. It cannot be undone."
    }

    fn deleted_all(&self) -> &'static str {
        "Everything this tool stored in this browser has been deleted."
    }

    fn undated(&self) -> &'static str {
        "no date"
    }

    fn confirm_delete(&self, name: &str) -> String {
        format!("Delete \u{201c}{name}\u{201d} from this browser? This cannot be undone.")
    }

    fn new_name_label(&self, name: &str) -> String {
        format!("New name for \u{201c}{name}\u{201d}")
    }

    fn action_label(&self, action: &str, name: &str) -> String {
        format!("{action} \u{201c}{name}\u{201d}")
    }

    fn failure_heading(&self) -> &'static str {
        "Something went wrong in the assessment tool"
    }

    fn failure_safe(&self) -> &'static str {
        "Your work is safe: it was saved in this browser after every change, up to the last answer you gave."
    }

    fn failure_reload(&self) -> &'static str {
        "Reload the page to carry on where you left off. If the problem comes back, download your saved work below and open it in a newer version of the tool."
    }

    fn failure_download(&self) -> &'static str {
        "Download your saved work"
    }

    fn nav_results(&self) -> &'static str {
        "Results"
    }

    fn to_results(&self) -> &'static str {
        "See the results and action plan"
    }

    fn results_heading(&self) -> &'static str {
        "Results"
    }

    fn tier_heading(&self) -> &'static str {
        "Posture tier"
    }

    fn holding_heading(&self) -> &'static str {
        "What holds you at this tier"
    }

    fn holding_none(&self) -> &'static str {
        "Nothing: this is the highest tier."
    }

    fn chart_heading(&self) -> &'static str {
        "Score by group"
    }

    fn chart_title(&self) -> &'static str {
        "Bar chart of the score of each group, out of 100"
    }

    fn plan_heading(&self) -> &'static str {
        "Action plan"
    }

    fn plan_intro(&self) -> &'static str {
        "Every gap becomes an action, ranked by how much risk it removes for the effort it takes, and grouped by when to do it."
    }

    fn plan_empty(&self) -> &'static str {
        "No open actions: every applicable measure is fully in place or accepted as a risk."
    }

    fn filter_heading(&self) -> &'static str {
        "Filter the plan"
    }

    fn filter_horizon(&self) -> &'static str {
        "When"
    }

    fn filter_severity(&self) -> &'static str {
        "Severity"
    }

    fn filter_status(&self) -> &'static str {
        "Status"
    }

    fn filter_all(&self) -> &'static str {
        "All"
    }

    fn filter_none_match(&self) -> &'static str {
        "No action matches these filters."
    }

    fn action_why(&self) -> &'static str {
        "Why"
    }

    fn action_first(&self) -> &'static str {
        "First step: "
    }

    fn action_owner(&self) -> &'static str {
        "Owner"
    }

    fn action_due(&self) -> &'static str {
        "Due"
    }

    fn action_no_owner(&self) -> &'static str {
        "not set"
    }

    fn action_status(&self) -> &'static str {
        "Status"
    }

    fn action_edit(&self) -> &'static str {
        "Edit the answer"
    }

    fn accept_risk(&self) -> &'static str {
        "Accept as a risk"
    }

    fn accept_heading(&self) -> &'static str {
        "Accept this gap as a risk"
    }

    fn accept_explain(&self) -> &'static str {
        "An accepted risk is listed separately and still counts as not in place. It needs a justification, the person who approved it and an expiry date."
    }

    fn justification(&self) -> &'static str {
        "Justification"
    }

    fn approver(&self) -> &'static str {
        "Approved by"
    }

    fn expires(&self) -> &'static str {
        "Acceptance expires on"
    }

    fn record_acceptance(&self) -> &'static str {
        "Record the acceptance"
    }

    fn accept_incomplete(&self) -> &'static str {
        "Give a justification, an approver and an expiry date."
    }

    fn withdraw(&self) -> &'static str {
        "Withdraw the acceptance"
    }

    fn risks_heading(&self) -> &'static str {
        "Accepted risks"
    }

    fn risks_none(&self) -> &'static str {
        "No risks have been accepted."
    }

    fn risk_justification(&self) -> &'static str {
        "Justification: "
    }

    fn risk_approver(&self) -> &'static str {
        "Approved by: "
    }

    fn risk_expires(&self) -> &'static str {
        "Expires: "
    }

    fn flag_overdue(&self) -> &'static str {
        "Overdue"
    }

    fn flag_acceptance(&self) -> &'static str {
        "Risk acceptance not valid"
    }

    fn flag_done_not_updated(&self) -> &'static str {
        "Marked done, but the answer still says not fully in place"
    }

    fn needs_reason_heading(&self) -> &'static str {
        "Marked not applicable without a reason"
    }

    fn method_heading(&self) -> &'static str {
        "How the score works"
    }

    fn method(&self) -> &'static [&'static str] {
        &[
    "Each applicable question earns points for how far the measure is in place: nothing for not in place, a third for partly, two thirds for largely, all of them for fully. Critical questions weigh 4, high 3, medium 2 and low 1.",
    "The score is the points earned as a share of the points possible, from 0 to 100. It shows 100 only when nothing is missing.",
    "Questions that do not apply to you, or that you marked as not applicable with a reason, are left out. Questions answered \u{201c}don't know\u{201d} or not answered count as not in place, so skipping never raises the score.",
    "The tier is stricter than the score: an average cannot hide a critical gap. Each tier needs every measure of a given severity to reach a given level, and everything the tiers below need.",
    "The full method, with a worked example you can recompute by hand, is in docs/SCORING.md of the tool's source and in the method section of the HTML report.",
]
    }

    fn score_line(&self, percent: u32) -> String {
        format!("{percent} / 100")
    }

    fn tier_label(&self, number: u32, name: &str) -> String {
        format!("Tier {number} of 4: {name}")
    }

    fn gating_line(&self, state: &str, needed: &str) -> String {
        format!("now: {state}; needed: at least {needed}")
    }

    fn score_gate(&self, score: u32, needed: u32) -> String {
        format!("The overall score is {score}; the next tier needs at least {needed}.")
    }

    fn plan_count(&self, shown: usize, total: usize) -> String {
        format!("Showing {shown} of {total} actions.")
    }

    fn rank(&self, rank: u32) -> String {
        format!("#{rank}")
    }

    fn accepted_count(&self, count: usize) -> String {
        format!("{count} accepted risk(s), listed below; they do not count as in place.")
    }

    fn downloads_heading(&self) -> &'static str {
        "Download the results"
    }

    fn download_refused(&self) -> &'static str {
        "The browser did not accept the download. Check that downloads are allowed for this page, then try again."
    }

    fn report_making(&self, label: &str) -> String {
        format!("Preparing: {label}\u{2026}")
    }

    fn report_failed(&self, reason: &str) -> String {
        format!("The file could not be made: {reason}. Your answers are unaffected; try again, or download the assessment file (JSON), which is always available.")
    }

    fn downloads_intro(&self) -> &'static str {
        "Each file is made in this browser when you click, from the answers on this page. Nothing is sent anywhere: the file goes straight to your downloads."
    }

    fn confidentiality_label(&self) -> &'static str {
        "Confidentiality label for the Word report (printed in its header and footer)"
    }

    fn confidentiality_default(&self) -> &'static str {
        "Confidential"
    }

    fn scan_preview_heading(&self) -> &'static str {
        "Check what the scan would change"
    }

    fn scan_preview_intro(&self) -> &'static str {
        "Nothing has changed yet. The scan answers only the questions it can check; everything else stays as it is. Answers you gave by hand are kept unless you choose the scan's answer."
    }

    fn scan_tool(&self, tool: Tool) -> &'static str {
        tool.label()
    }

    fn scan_kind(&self, kind: &ScanKind) -> String {
        match kind {
            ScanKind::ScubaGearMerged => "ScubaGear results (ScubaResults)".into(),
            ScanKind::ScubaGearProduct(product) => {
                format!("ScubaGear report for one product ({product})")
            }
            ScanKind::ScubaGearRego => "ScubaGear policy checks (TestResults or RegoOutput)".into(),
            ScanKind::Maester => "Maester test results".into(),
        }
    }

    fn scan_fact_labels(&self) -> [&'static str; 6] {
        ["File", "Tool", "Version", "Tenant", "Scanned", "Report"]
    }

    fn scan_unknown(&self) -> &'static str {
        "not given in the file"
    }

    fn scan_tenant(&self, tenant: &Tenant) -> String {
        let parts: Vec<&str> = [&tenant.name, &tenant.domain, &tenant.id]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        if parts.is_empty() {
            self.scan_unknown().to_string()
        } else {
            parts.join(", ")
        }
    }

    fn scan_stale(&self, days: i64) -> String {
        format!("This scan is {days} days old. Settings may have changed since; consider running the scanner again before relying on it.")
    }

    fn scan_other_tenant(&self, earlier: &Tenant) -> String {
        format!("This scan is of a different tenant from the scans already in this assessment ({}). Check that you opened the right file for this organisation.", self.scan_tenant(earlier))
    }

    fn scan_damaged(&self) -> &'static str {
        "The file is damaged after its results (the tenant data the tool appends is incomplete or invalid). The results before the damage were read and are shown here; the rest of the file was not used."
    }

    fn scan_duplicates(&self, ids: &[String]) -> String {
        format!(
            "The file gives these checks more than once; the first result of each was used: {}.",
            ids.join(", ")
        )
    }

    fn scan_unknown_policies(&self, ids: &[String]) -> String {
        format!("These checks look like SCuBA policies this version does not know, so they were not used: {}.", ids.join(", "))
    }

    fn scan_changes_heading(&self, count: usize) -> String {
        format!("Questions the scan answers ({count})")
    }

    fn scan_no_changes(&self) -> &'static str {
        "The scan settles none of the questions that apply to your organisation."
    }

    fn scan_columns(&self) -> [&'static str; 6] {
        [
            "Question",
            "Now",
            "The scan says",
            "Change if taken",
            "Evidence",
            "Your choice",
        ]
    }

    fn scan_row_kind(&self, kind: RowKind) -> &'static str {
        match kind {
            RowKind::New => "Not answered yet: the scan's answer will be used.",
            RowKind::Update => "From an earlier scan: the newer scan's answer will be used.",
            RowKind::Confirms => "Already your answer: the scan is added as evidence.",
            RowKind::Conflict => "You answered differently by hand: choose which to keep.",
        }
    }

    fn scan_unanswered(&self) -> &'static str {
        "Not answered"
    }

    fn scan_earlier_wording(&self, policy: &str) -> String {
        format!("The scan checked an earlier wording of this policy (the question cites {policy}).")
    }

    fn scan_keep_mine(&self) -> &'static str {
        "Keep mine"
    }

    fn scan_take_scan(&self) -> &'static str {
        "Take the scan's"
    }

    fn scan_keep_all(&self) -> &'static str {
        "Keep all mine"
    }

    fn scan_take_all(&self) -> &'static str {
        "Take all from the scan"
    }

    fn scan_conflicts(&self, count: usize) -> String {
        format!("{count} answer(s) you gave by hand differ from the scan. Yours are kept unless you choose otherwise, per question or for all.")
    }

    fn scan_undecided_heading(&self, _count: usize) -> &'static str {
        "Left for you to answer"
    }

    fn scan_undecided_intro(&self) -> &'static str {
        "The scan has checks for these questions but they do not settle the answer. Nothing changes for them."
    }

    fn scan_outcome(&self, outcome: Outcome, verdict: &str) -> String {
        match outcome {
            Outcome::Pass => format!("passed ({verdict})"),
            Outcome::NotMet => format!("not met ({verdict})"),
            Outcome::Manual => format!("{verdict}: the tool leaves this check to a person"),
            Outcome::Omitted => format!("{verdict}: your organisation told the scanner to skip this check or marked its result as wrong"),
            Outcome::LicenceMissing => format!("{verdict}: the tenant lacks the licence this check needs, which is not a failure"),
            Outcome::NotRun => format!("{verdict}: the check was skipped or not run"),
            Outcome::Error => format!("{verdict}: the check failed to run"),
            Outcome::Unknown => format!("{verdict}: a result this version does not know"),
        }
    }

    fn scan_missing(&self, policies: &[String]) -> String {
        format!("Not in this scan: {}", policies.join(", "))
    }

    fn scan_unused_heading(&self, count: usize) -> String {
        format!("Checked by the scan but used by no question ({count})")
    }

    fn scan_confirm(&self) -> &'static str {
        "Take the scan in"
    }

    fn scan_tenants_heading(&self) -> &'static str {
        "This file holds results for several tenants. Choose the one this assessment is about."
    }

    fn scan_tenant_choice(&self, tenant: &Tenant, scanned_at: Option<&str>, checks: u32) -> String {
        let when = scanned_at.unwrap_or(self.scan_unknown());
        format!(
            "{} (scanned {when}, {checks} checks)",
            self.scan_tenant(tenant)
        )
    }

    fn scan_imported(&self, tool: Tool, answered: usize, kept: usize) -> String {
        format!("The {} scan was taken in: {answered} answer(s) now come from it and {kept} answer(s) you gave by hand were kept. Each question shows its evidence.", tool.label())
    }

    fn undo_scan(&self) -> &'static str {
        "Undo the import"
    }

    fn provenance_heading(&self) -> &'static str {
        "Evidence from a scan"
    }

    fn provenance_source(&self, source: &ScanSource) -> String {
        let version = source
            .tool_version
            .as_deref()
            .unwrap_or(self.scan_unknown());
        let when = source.scanned_at.as_deref().unwrap_or(self.scan_unknown());
        format!(
            "{} {version}, tenant {}, scanned {when}",
            source.tool.label(),
            self.scan_tenant(&source.tenant)
        )
    }

    fn provenance_report(&self, report: &ReportId) -> String {
        match report {
            ReportId::Uuid(uuid) => format!("Report {uuid}"),
            ReportId::Sha256(hex) => format!("File SHA-256 {hex}"),
        }
    }

    fn provenance_changed(&self, scan_said: &str) -> String {
        format!("Changed by hand since the import; the scan said \u{201c}{scan_said}\u{201d}.")
    }

    fn provenance_missing_scan(&self) -> &'static str {
        "The scan this evidence came from is not recorded."
    }
}

/// The table the interface speaks.
pub fn words() -> &'static dyn Words {
    &English
}
