//! Making a report at the user's click.
//!
//! The assessment file (JSON) is written here: it is the same code that saves the work. Every
//! other format comes from the core's report generator, which the hosted build keeps out of the
//! module each visit loads: it is a second WebAssembly module (`crates/assessment-reports`, built
//! into `reports/` by Trunk) that the page imports on the first download and keeps for the next.
//! The one-file edition cannot load a second file, so it is built with the `bundled-reports`
//! feature and calls the generator directly.

use assessment_core::dates::iso;
use assessment_core::report::{Packed, ReportKind};
use assessment_core::{savefile, Assessment};
use chrono::NaiveDate;

use crate::browser::clock;

/// Why a report could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportFailure {
    /// The generator refused, with its own sentence (the generator's words, in English).
    Refused(String),
    /// The generator module could not be loaded.
    NotLoaded,
    /// The generator answered with something that is not text.
    NoText,
    /// The browser did not accept the download.
    DownloadRefused,
}

/// The contents of the report `kind` for `assessment` as of `today`, or why not.
pub async fn generate(
    kind: ReportKind,
    assessment: &Assessment,
    today: NaiveDate,
    edition: &str,
) -> Result<String, ReportFailure> {
    let generated_at = clock::now_rfc3339();
    let app_version = env!("CARGO_PKG_VERSION");
    let file = savefile::save(assessment, crate::bank(), app_version, &generated_at);
    if kind == ReportKind::Json {
        return Ok(file);
    }
    let today = iso(today);
    let packed = Packed {
        kind: kind.file_kind(),
        bank: crate::BANK_BYTES,
        assessment_file: &file,
        generated_at: &generated_at,
        today: &today,
        app_version,
        edition,
    };
    generator::render(&packed).await
}

#[cfg(feature = "bundled-reports")]
mod generator {
    use assessment_core::report::{render_packed, Packed};

    use super::ReportFailure;

    pub async fn render(packed: &Packed<'_>) -> Result<String, ReportFailure> {
        render_packed(packed).map_err(ReportFailure::Refused)
    }
}

#[cfg(not(feature = "bundled-reports"))]
mod generator {
    use assessment_core::report::Packed;
    use js_sys::{Array, Promise, Uint8Array};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen_futures::JsFuture;

    use super::ReportFailure;

    // Imports the generator once (relative to the page, so any hosting sub-path works) and calls
    // it. A failed import is forgotten, so the next click tries again.
    #[wasm_bindgen(inline_js = r#"
let loading = null;
export function renderReport(args) {
  if (loading === null) {
    const url = new URL("reports/assessment-reports.js", document.baseURI).href;
    loading = import(url).then(async (generator) => {
      await generator.default();
      return generator;
    });
    loading.catch(() => { loading = null; });
  }
  return loading.then((generator) => generator.render_report(...args));
}
"#)]
    extern "C" {
        #[wasm_bindgen(js_name = renderReport)]
        fn render_report(args: Array) -> Promise;
    }

    /// Calls the generator's `render_report` with the fields of `packed` in declaration order.
    pub async fn render(packed: &Packed<'_>) -> Result<String, ReportFailure> {
        let args = Array::of2(&packed.kind.into(), &Uint8Array::from(packed.bank));
        let texts = [
            packed.assessment_file,
            packed.generated_at,
            packed.today,
            packed.app_version,
            packed.edition,
        ];
        for text in texts {
            args.push(&text.into());
        }
        match JsFuture::from(render_report(args)).await {
            Ok(contents) => contents.as_string().ok_or(ReportFailure::NoText),
            // The generator throws its own sentences as strings; a failed import throws an Error.
            Err(error) => Err(error
                .as_string()
                .map_or(ReportFailure::NotLoaded, ReportFailure::Refused)),
        }
    }
}
