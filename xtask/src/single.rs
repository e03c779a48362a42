//! The one-file edition: one HTML file holding the wasm-bindgen glue, the wasm (base64), the
//! stylesheet and the icon, that runs from file:// under a CSP allowing no connections at all.
//! Its parts come from a Trunk build of `single.html`, the same app and on-demand module as the
//! hosted build.
//!
//! Chromium refuses to fetch a sibling `.wasm` or load a module script by `src` from file://, but
//! runs an inline `<script type="module">`; the glue is initialised with the wasm bytes, never a
//! URL. The glue's snippets (`import … from './snippets/…'`) are inlined into it. Each on-demand
//! module ([`MODULES`]: reports, encryption and scanner import; the workbook and Word writers) is
//! embedded as a data block the browser does not run (see [`ON_DEMAND_ATTRIBUTE`]); its glue is
//! an inline module script that only defines functions and hands them to the app's loader as
//! `globalThis.mbsaModules[NAME]`, so nothing of a module is compiled until the person first
//! needs it. Every inline script and style is pinned by
//! its SHA-256 in the policy.

use std::fs;
use std::path::{Path, PathBuf};

use base64::Engine;
use sha2::{Digest, Sha256};

use crate::glue;

/// The files of a hosted build that the one-file edition is made from.
struct Parts {
    glue: String,
    /// The snippets the glue imports: (the path as the glue imports it, the file's text).
    snippets: Vec<(String, String)>,
    wasm: Vec<u8>,
    /// The on-demand modules, in [`MODULES`] order.
    modules: Vec<Module>,
    css: String,
    icon: Vec<u8>,
}

/// The Trunk source of the one-file edition's parts.
pub const SOURCE_HTML: &str = "single.html";

/// One on-demand module of the build: its glue and its wasm.
struct Module {
    name: &'static str,
    glue: String,
    wasm: Vec<u8>,
}

/// The on-demand modules, by name; each is also the folder the Trunk build puts it in
/// (`data-target-path` in `single.html`). The app's loader (`src/browser/reports.rs`) looks for
/// `script[data-on-demand="NAME"]` and `globalThis.mbsaModules[NAME]`.
pub const MODULES: [&str; 2] = ["reports", "office"];

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
/// element as it stands in the file, and of the file without them as the start part.
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
    let glue = read_text(&find_file(dist, ".js", "JavaScript glue")?)?;
    let snippets = glue::snippet_imports(&glue)
        .into_iter()
        .map(|path| Ok((path.clone(), read_text(&dist.join(&path))?)))
        .collect::<Result<_, String>>()?;
    let modules = MODULES
        .into_iter()
        .map(|name| {
            let folder = dist.join(name);
            Ok(Module {
                name,
                glue: read_text(&find_file(&folder, ".js", "on-demand module glue")?)?,
                wasm: read_bytes(&find_file(&folder, "_bg.wasm", "on-demand module")?)?,
            })
        })
        .collect::<Result<_, String>>()?;
    Ok(Parts {
        glue,
        snippets,
        wasm: read_bytes(&find_file(dist, "_bg.wasm", "WebAssembly module")?)?,
        modules,
        css: read_text(&find_file(dist, ".css", "stylesheet")?)?,
        icon: read_bytes(&find_file(dist, ".svg", "icon")?)?,
    })
}

/// The first file directly in `folder` whose name ends with `suffix`.
fn find_file(folder: &Path, suffix: &str, what: &str) -> Result<PathBuf, String> {
    let entries =
        fs::read_dir(folder).map_err(|e| format!("cannot list {}: {e}", folder.display()))?;
    entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.is_file()
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.ends_with(suffix))
        })
        .ok_or_else(|| format!("the build in {} has no {what}", folder.display()))
}

fn read_text(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, String> {
    fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// The glue with each snippet import replaced by the snippet's own text (its `export`s made plain
/// declarations), so the glue needs no other file. A snippet is the app's own `inline_js`.
fn inline_snippets(glue: &str, snippets: &[(String, String)]) -> String {
    glue.lines()
        .map(|line| {
            let snippet = snippets
                .iter()
                .find(|(path, _)| line.starts_with("import ") && line.contains(path.as_str()));
            match snippet {
                Some((_, text)) => without_exports(text),
                None => line.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `text` with `export function` / `export const` / `export let` made plain declarations and
/// `export { … };` lines dropped.
fn without_exports(text: &str) -> String {
    text.lines()
        .filter(|line| !line.starts_with("export {"))
        .map(|line| line.strip_prefix("export ").unwrap_or(line))
        .collect::<Vec<_>>()
        .join("\n")
}

/// An on-demand module's glue as a script that defines its functions without running anything
/// and hands them to the app as `globalThis.mbsaModules[name]` (`default` initialises the module
/// with its bytes, as the ES module's default export does).
fn module_script(name: &str, glue: &str) -> String {
    let exported: Vec<&str> = glue
        .lines()
        .filter_map(|line| line.strip_prefix("export function "))
        .filter_map(|rest| rest.split_once('(').map(|(name, _)| name))
        .collect();
    format!(
        "{}\n// One-file edition: the on-demand module's functions, for the app's loader.\n\
         (globalThis.mbsaModules ??= {{}})[\"{name}\"] = {{ default: __wbg_init, {} }};\n",
        without_exports(glue),
        exported.join(", ")
    )
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
pub fn single_file_policy(scripts: &[&str], style: &str) -> String {
    let scripts: Vec<String> = scripts.iter().map(|s| sha256_source(s)).collect();
    format!(
        "default-src 'none'; script-src 'wasm-unsafe-eval' {}; style-src {}; img-src data:; \
         connect-src 'none'; base-uri 'none'; form-action 'none'; object-src 'none'",
        scripts.join(" "),
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
        glue = inline_snippets(parts.glue.trim_end(), &parts.snippets),
        wasm = engine.encode(gzip(&parts.wasm)),
    );
    // The data block sits in <head>: the app mounts into <body>, and Yew empties its host first.
    // Inline text must not close its own element early.
    let script = script.replace("</script", "<\\/script");
    let modules: Vec<String> = parts
        .modules
        .iter()
        .map(|m| module_script(m.name, &m.glue).replace("</script", "<\\/script"))
        .collect();
    let style = parts.css.replace("</style", "<\\/style");
    let mut scripts: Vec<&str> = modules.iter().map(String::as_str).collect();
    scripts.push(&script);
    let policy = single_file_policy(&scripts, &style);
    let embedded: String = parts
        .modules
        .iter()
        .zip(&modules)
        .map(|(m, glue)| {
            format!(
                "\n    <script type=\"{ON_DEMAND_TYPE}\" {ON_DEMAND_ATTRIBUTE}=\"{}\">{}</script>\n    \
                 <script type=\"module\">{glue}</script>",
                m.name,
                engine.encode(gzip(&m.wasm))
            )
        })
        .collect();
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
    <style>{style}</style>{embedded}
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
            glue: "import { callGenerator } from './snippets/assessment-web-0123/inline0.js';\n\
                   async function __wbg_init(m) { return m; }\nexport { __wbg_init as default };\n"
                .into(),
            snippets: vec![(
                "snippets/assessment-web-0123/inline0.js".into(),
                "let loading = null;\nexport function callGenerator(name) { return name; }\n"
                    .into(),
            )],
            wasm: vec![0, 97, 115, 109, 1, 0, 0, 0],
            modules: vec![
                Module {
                    name: "reports",
                    glue: "export function render_report(kind) { return kind; }\n\
                           async function __wbg_init(m) { return m; }\n\
                           export { initSync, __wbg_init as default };\n"
                        .into(),
                    wasm: vec![0, 97, 115, 109, 1, 0, 0, 0, 42],
                },
                Module {
                    name: "office",
                    glue: "export function render_office(kind) { return kind; }\n\
                           async function __wbg_init(m) { return m; }\n\
                           export { initSync, __wbg_init as default };\n"
                        .into(),
                    wasm: vec![0, 97, 115, 109, 1, 0, 0, 0, 43],
                },
            ],
            css: "body { color: red; }".into(),
            icon: b"<svg xmlns='http://www.w3.org/2000/svg'/>".to_vec(),
        }
    }

    #[test]
    fn the_policy_pins_exactly_the_module_scripts_and_the_style() {
        let html = assemble(&parts());
        // The data blocks are hashed too by this generic helper, but are never run: only the
        // three module scripts need to be (and are) in the policy.
        let hashes = inline_script_hashes(&html);
        assert_eq!(hashes.len(), 5);
        for (i, hash) in hashes.iter().enumerate() {
            let pinned = html.contains(&format!("'{hash}'"));
            // Data block, module glue, data block, module glue, app.
            assert_eq!(pinned, i % 2 == 1 || i == 4, "script {i}");
        }
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
    fn each_on_demand_module_is_a_data_block_and_its_glue_a_definition() {
        let html = assemble(&parts());
        for (module, function) in parts()
            .modules
            .iter()
            .zip(["render_report", "render_office"])
        {
            let packed = base64::engine::general_purpose::STANDARD.encode(gzip(&module.wasm));
            let block = format!(
                "<script type=\"application/octet-stream\" data-on-demand=\"{}\">{packed}</script>",
                module.name
            );
            let at = html.find(&block).expect("the module is a data block");
            // Yew empties <body> when it mounts the app: the block must be outside it.
            assert!(
                at < html.find("</head>").unwrap(),
                "the data block is in <head>"
            );
            assert!(html.contains(&format!(
                "(globalThis.mbsaModules ??= {{}})[\"{}\"] = {{ default: __wbg_init, {function} }};",
                module.name
            )));
        }
        assert!(
            !html.contains("export function"),
            "the module glue exports nothing"
        );
    }

    #[test]
    fn snippets_are_inlined_into_the_glue() {
        let html = assemble(&parts());
        assert!(!html.contains("./snippets/"));
        assert!(html.contains("function callGenerator(name) { return name; }"));
    }

    #[test]
    fn embedded_text_cannot_close_its_element() {
        let mut p = parts();
        p.glue.push_str("const s = '</script>';\n");
        p.modules[1].glue.push_str("const t = '</script>';\n");
        p.css.push_str("/* </style> */");
        let html = assemble(&p);
        assert_eq!(html.matches("</script>").count(), 5);
        assert_eq!(html.matches("</style>").count(), 1);
    }
}
