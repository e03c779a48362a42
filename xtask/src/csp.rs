//! Writes the Content-Security-Policy into a built `index.html` (run by Trunk as a post-build hook).
//!
//! Trunk's loader is an inline module script whose text names the hashed file names, so its hash
//! changes with every build; the policy pins exactly that script by its SHA-256 and allows
//! nothing else inline. The policy is a `<meta>` placed first in `<head>`, before any script.

use std::fs;
use std::path::Path;

use base64::Engine;
use sha2::{Digest, Sha256};

/// The policy for the hosted (multi-file) build. `connect-src 'self'` is needed to fetch the wasm.
pub fn hosted_policy(script_hashes: &[String]) -> String {
    let hashes: String = script_hashes.iter().map(|h| format!(" '{h}'")).collect();
    format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'{hashes}; connect-src 'self'; \
         style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'"
    )
}

/// `sha256-…` source expressions for the contents of every inline `<script>` in `html`.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after_tag = &rest[start..];
        let Some(open_end) = after_tag.find('>') else {
            break;
        };
        let tag = &after_tag[..open_end];
        let body_start = open_end + 1;
        let Some(close) = after_tag[body_start..].find("</script>") else {
            break;
        };
        if !tag.contains(" src=") {
            let body = &after_tag[body_start..body_start + close];
            let digest = Sha256::digest(body.as_bytes());
            hashes.push(format!(
                "sha256-{}",
                base64::engine::general_purpose::STANDARD.encode(digest)
            ));
        }
        rest = &after_tag[body_start + close..];
    }
    hashes
}

/// Inserts `<meta http-equiv="Content-Security-Policy">` as the first element of `<head>`.
pub fn with_policy(html: &str, policy: &str) -> Result<String, String> {
    if html.contains("Content-Security-Policy") {
        return Err("index.html already has a Content-Security-Policy".into());
    }
    let head = html.find("<head>").ok_or("index.html has no <head>")? + "<head>".len();
    let meta =
        format!("\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\" />");
    Ok(format!("{}{meta}{}", &html[..head], &html[head..]))
}

/// The post-build hook: rewrites `$TRUNK_STAGING_DIR/index.html` with its policy, and drops
/// from each on-demand module's folder the snippets its glue does not import (see [`crate::glue`]).
pub fn apply_to_staging() -> Result<(), String> {
    let dir = std::env::var("TRUNK_STAGING_DIR")
        .map_err(|_| "run by Trunk's post_build hook, which sets TRUNK_STAGING_DIR".to_string())?;
    crate::glue::prune_module_folders(Path::new(&dir))?;
    let path = Path::new(&dir).join("index.html");
    let html =
        fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let policy = hosted_policy(&inline_script_hashes(&html));
    fs::write(&path, with_policy(&html, &policy)?)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str =
        "<html><head><title>t</title><script type=\"module\">import x from './a.js';</script>\
                        <script src=\"./b.js\"></script></head><body></body></html>";

    #[test]
    fn hashes_only_inline_scripts_exactly() {
        let hashes = inline_script_hashes(PAGE);
        assert_eq!(hashes.len(), 1);
        let expected = Sha256::digest(b"import x from './a.js';");
        assert_eq!(
            hashes[0],
            format!(
                "sha256-{}",
                base64::engine::general_purpose::STANDARD.encode(expected)
            )
        );
    }

    #[test]
    fn the_policy_comes_first_in_head_and_only_once() {
        let policy = hosted_policy(&inline_script_hashes(PAGE));
        let html = with_policy(PAGE, &policy).unwrap();
        let meta = html.find("Content-Security-Policy").unwrap();
        assert!(meta < html.find("<script").unwrap() && meta < html.find("<title>").unwrap());
        assert!(
            policy.starts_with("default-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-")
        );
        assert!(with_policy(&html, &policy).is_err());
    }
}
