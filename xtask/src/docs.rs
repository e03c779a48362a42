//! Regenerates the parts of `docs/CONTENT.md` and `docs/IMPORT.md` that are derived from the
//! question bank, so the coverage table, the source register and the scanner mapping never drift
//! from the content (a core test checks it).

use std::fs;

use assessment_core::Bank;

use crate::run::{repo_root, step};

const DOC: &str = "docs/CONTENT.md";

/// Rewrites the generated blocks of `docs/CONTENT.md` and `docs/IMPORT.md` from the bank in
/// `content/`.
pub fn regenerate() -> Result<(), String> {
    step("Regenerating the tables in docs/CONTENT.md and the scanner mapping in docs/IMPORT.md");
    let root = repo_root();
    let bank = Bank::from_dir(&root.join("content")).map_err(|e| e.to_string())?;
    let doc_path = root.join(DOC);
    let doc = fs::read_to_string(&doc_path).map_err(|e| format!("cannot read {DOC}: {e}"))?;
    let doc = replace_block(&doc, "coverage", &bank.coverage_markdown())
        .map_err(|e| format!("{DOC} {e}"))?;
    let doc = replace_block(&doc, "sources", &bank.sources_markdown())
        .map_err(|e| format!("{DOC} {e}"))?;
    fs::write(&doc_path, doc).map_err(|e| format!("cannot write {DOC}: {e}"))?;
    replace_in("docs/IMPORT.md", "evidence", &bank.evidence_markdown())
}

/// Replaces the block `name` of the Markdown file at `relative` (from the repository root).
pub fn replace_in(relative: &str, name: &str, body: &str) -> Result<(), String> {
    let path = repo_root().join(relative);
    let doc = fs::read_to_string(&path).map_err(|e| format!("cannot read {relative}: {e}"))?;
    let doc = replace_block(&doc, name, body).map_err(|e| format!("{relative} {e}"))?;
    fs::write(&path, doc).map_err(|e| format!("cannot write {relative}: {e}"))
}

/// Replaces what stands between `<!-- NAME:start -->` and `<!-- NAME:end -->`.
fn replace_block(doc: &str, name: &str, body: &str) -> Result<String, String> {
    let start = format!("<!-- {name}:start -->\n");
    let end = format!("<!-- {name}:end -->");
    let missing = || format!("lacks the markers {start:?} … {end:?}");
    let from = doc.find(&start).ok_or_else(missing)? + start.len();
    let to = doc[from..].find(&end).ok_or_else(missing)? + from;
    Ok(format!("{}{body}{}", &doc[..from], &doc[to..]))
}

#[cfg(test)]
mod tests {
    use super::replace_block;

    #[test]
    fn replaces_only_the_named_block() {
        let doc = "a\n<!-- x:start -->\nold\n<!-- x:end -->\nb\n";
        let new = replace_block(doc, "x", "new\n").unwrap();
        assert_eq!(new, "a\n<!-- x:start -->\nnew\n<!-- x:end -->\nb\n");
        assert!(replace_block(doc, "y", "z").is_err());
    }
}
