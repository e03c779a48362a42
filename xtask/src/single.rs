//! The one-file edition: one HTML file holding the wasm-bindgen glue, the wasm (base64), the
//! stylesheet and the icon, that runs from file:// under a CSP allowing no connections at all.
//! Its parts come from a Trunk build of `single.html`, which links the report generator into the
//! app (the hosted build loads it as a second module, which a file:// page cannot).
//!
//! Chromium refuses to fetch a sibling `.wasm` or load a module script by `src` from file://, but
//! runs an inline `<script type="module">`; the glue is initialised with the wasm bytes, never a
//! URL. Every inline script and style is pinned by its SHA-256 in the policy.

use std::fs;
use std::path::{Path, PathBuf};

use base64::Engine;
use sha2::{Digest, Sha256};

/// The files of a hosted build that the one-file edition is made from.
struct Parts {
    glue: String,
    wasm: Vec<u8>,
    css: String,
    icon: Vec<u8>,
}

/// The Trunk source of the one-file edition's parts: the app with the report generator linked in.
pub const SOURCE_HTML: &str = "single.html";

/// How a wasm module embedded for later use (office writers, encryption, scanner parsers) is to be
/// marked, so that `cargo xtask size` counts it apart from what the file loads at start:
///
/// ```html
/// <script type="application/octet-stream" data-on-demand="NAME">BASE64</script>
/// ```
///
/// one element per module, `NAME` unique in the file, `BASE64` the module's bytes (which may be
/// gzip-compressed, as the main wasm is). A script of an unknown type is a data block: the browser
/// neither runs it nor asks the policy about it; the app reads its text and instantiates the
/// module on first use. The measurement (`sizes::measure_single`) takes the gzip of each such
/// element as it stands in the file, and of the file without them as the start part. None is
/// embedded yet: the report generator is linked into the main wasm.
pub const ON_DEMAND_ATTRIBUTE: &str = "data-on-demand";

/// The `type` of an embedded on-demand element (see [`ON_DEMAND_ATTRIBUTE`]).
pub const ON_DEMAND_TYPE: &str = "application/octet-stream";

/// Builds the one-file edition from the Trunk build of [`SOURCE_HTML`] in `parts`, writes it to
/// `out`, and returns its contents.
pub fn build(parts: &Path, out: &Path) -> Result<String, String> {
    let parts = read_parts(parts)?;
    let html = assemble(&parts);
    if let Some(folder) = out.parent() {
        fs::create_dir_all(folder)
            .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    }
    fs::write(out, &html).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    Ok(html)
}

fn read_parts(dist: &Path) -> Result<Parts, String> {
    let find = |test: &dyn Fn(&str) -> bool, what: &str| -> Result<PathBuf, String> {
        let entries =
            fs::read_dir(dist).map_err(|e| format!("cannot list {}: {e}", dist.display()))?;
        entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(test))
            .ok_or_else(|| format!("the build in {} has no {what}", dist.display()))
    };
    let read_text =
        |p: PathBuf| fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()));
    let read_bytes = |p: PathBuf| fs::read(&p).map_err(|e| format!("{}: {e}", p.display()));
    Ok(Parts {
        glue: read_text(find(&|n| n.ends_with(".js"), "JavaScript glue")?)?,
        wasm: read_bytes(find(&|n| n.ends_with("_bg.wasm"), "WebAssembly module")?)?,
        css: read_text(find(&|n| n.ends_with(".css"), "stylesheet")?)?,
        icon: read_bytes(find(&|n| n.ends_with(".svg"), "icon")?)?,
    })
}

/// Gzip as small as Zopfli makes it, deterministic (no file name or time in the header). Slow
/// (seconds for the app's wasm), which is why only the one-file edition's embedded wasm uses it.
fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut packed = Vec::new();
    zopfli::compress(
        zopfli::Options::default(),
        zopfli::Format::Gzip,
        bytes,
        &mut packed,
    )
    .expect("writing to memory cannot fail");
    packed
}

fn sha256_source(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The policy of the one-file edition: nothing may be fetched or connected to at all.
pub fn single_file_policy(script: &str, style: &str) -> String {
    format!(
        "default-src 'none'; script-src 'wasm-unsafe-eval' {}; style-src {}; img-src data:; \
         connect-src 'none'; base-uri 'none'; form-action 'none'; object-src 'none'",
        sha256_source(script),
        sha256_source(style)
    )
}

fn assemble(parts: &Parts) -> String {
    let engine = base64::engine::general_purpose::STANDARD;
    // The wasm is stored gzip-compressed: base64 of raw wasm compresses poorly, base64 of gzip
    // costs a third more than the gzip itself. The browser inflates it with DecompressionStream.
    let script = format!(
        "{glue}\n// One-file edition: the wasm is embedded (gzip, base64), so nothing is fetched.\n\
         const packed = Uint8Array.from(atob(\"{wasm}\"), (c) => c.charCodeAt(0));\n\
         const inflated = new Blob([packed]).stream().pipeThrough(new DecompressionStream(\"gzip\"));\n\
         const wasmBytes = new Uint8Array(await new Response(inflated).arrayBuffer());\n\
         await __wbg_init({{ module_or_path: wasmBytes }});\n",
        glue = parts.glue.trim_end(),
        wasm = engine.encode(gzip(&parts.wasm)),
    );
    // Inline text must not close its own element early.
    let script = script.replace("</script", "<\\/script");
    let style = parts.css.replace("</style", "<\\/style");
    let policy = single_file_policy(&script, &style);
    format!(
        r#"<!doctype html>
<html lang="en">
  <head>
    <meta http-equiv="Content-Security-Policy" content="{policy}" />
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <meta name="mbsa-edition" content="single-file" />
    <title>Midnight Blizzard response self-assessment</title>
    <link rel="icon" href="data:image/svg+xml;base64,{icon}" />
    <style>{style}</style>
    <script type="module">{script}</script>
  </head>
  <body>
    <noscript>This assessment runs entirely in your browser and needs JavaScript and WebAssembly enabled.</noscript>
  </body>
</html>
"#,
        icon = engine.encode(&parts.icon),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::csp::inline_script_hashes;

    fn parts() -> Parts {
        Parts {
            glue: "async function __wbg_init(m) { return m; }\nexport { __wbg_init as default };\n"
                .into(),
            wasm: vec![0, 97, 115, 109, 1, 0, 0, 0],
            css: "body { color: red; }".into(),
            icon: b"<svg xmlns='http://www.w3.org/2000/svg'/>".to_vec(),
        }
    }

    #[test]
    fn the_policy_pins_exactly_the_inline_script_and_style() {
        let html = assemble(&parts());
        let hashes = inline_script_hashes(&html);
        assert_eq!(hashes.len(), 1);
        assert!(html.contains(&format!("'{}'", hashes[0])));
        assert!(html.contains("connect-src 'none'"));
        assert!(html.contains(&sha256_source("body { color: red; }")));
        let packed = base64::engine::general_purpose::STANDARD.encode(gzip(&parts().wasm));
        assert!(
            html.contains(&packed),
            "the wasm is embedded, gzip-compressed, as base64"
        );
        assert!(!html.contains("src=\""), "nothing is loaded by URL");
    }

    #[test]
    fn embedded_text_cannot_close_its_element() {
        let mut p = parts();
        p.glue.push_str("const s = '</script>';\n");
        p.css.push_str("/* </style> */");
        let html = assemble(&p);
        assert_eq!(html.matches("</script>").count(), 1);
        assert_eq!(html.matches("</style>").count(), 1);
    }
}
