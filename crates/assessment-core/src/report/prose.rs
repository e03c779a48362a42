//! The report's fixed sentences, shared by the printable HTML report and the Word document so the
//! two say the same thing in the same words.

/// Under the report's title: what it is and that nothing in it is an obligation.
pub(crate) const INTRO: &str = "A self-assessment of the measures recommended after the Midnight Blizzard compromise of Microsoft's corporate email (January 2024), following the work CISA Emergency Directive 24-02 asked of US federal agencies, adapted for non-federal organisations. Nothing in it is an obligation.";

/// The report's title.
pub(crate) const TITLE: &str = "Midnight Blizzard / ED 24-02 self-assessment report";

/// Above the action plan.
pub(crate) const PLAN_INTRO: &str = "Every applicable measure not fully in place, most protection per unit of effort first within each horizon. Accepted risks are listed in the next section.";

/// Above the accepted risks.
pub(crate) const RISKS_INTRO: &str = "Gaps the organisation has decided to live with for now, with a justification, an approver and an expiry date. They still count as not in place in the score and the tier. An acceptance that does not hold (no justification, no approver, or expired) puts the gap back in the action plan, flagged.";

/// Before the credit and weight tables.
pub(crate) const SCORE_INTRO: &str = "Every question that applies counts, answered or not. Each earns credit in thirds for how far its measure is in place, and weighs according to its severity:";

/// After the credit and weight tables.
pub(crate) const SCORE_RULE: &str = "A question earns weight × credit points out of weight × 3. The score is 100 × points earned ÷ points possible, rounded half up in whole numbers; it shows 100 only when nothing is missing, and 0 when nothing applies. A question marked not applicable with a reason, or taken out of scope by the organisation's profile, leaves the score. An accepted risk still counts as not in place. Every score is shown with the counts behind it.";

/// Before the tier table.
pub(crate) const TIER_RULE: &str = "A tier is reached only when every applicable question meets the tier's minimum for its severity, the overall score is high enough, and the same holds for every tier below. A high score cannot hide a missing critical measure. Don't know, not answered and not applicable without a reason meet no minimum. Below tier 1 is tier 0, Exposed.";

/// How the action plan is ordered and dated.
pub(crate) const PLAN_RULE: &str = "Every applicable question not fully in place becomes an action. Its risk reduction is the points closing it would add (weight × missing thirds); its cost is 1 for hours, 2 for days and 4 for weeks of effort. Actions fall into three horizons: do now (critical, or immediate in the directive), within 30 days (high, or about four weeks in the directive) and within 90 days (everything else). Within a horizon the highest risk reduction per unit of cost comes first, then the higher severity, then the order of the question bank. A target date entered for an action wins over the date derived from the notification date and the directive's timeline (immediate: that day; about four weeks: 28 days later), which is adapted and not an obligation for non-federal organisations. An action is overdue when its due date has passed and it is not done.";

/// What the fingerprint is.
pub(crate) const FINGERPRINT: &str = "The SHA-256 of the assessment's answer data (details, profile and answers) in canonical JSON. Two reports with the same fingerprint describe exactly the same answers; docs/FORMATS.md in the tool's source says how to recompute it from the saved assessment file.";

/// The report's last words.
pub(crate) const PRIVACY: &str =
    "Made in the browser from the answers alone; nothing was sent anywhere.";
