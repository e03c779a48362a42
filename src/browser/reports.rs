//! Making a report, and encrypting or decrypting a file, at the person's click.
//!
//! The assessment file (JSON) is written here: it is the same code that saves the work. Every
//! other format comes from the core's report generator, which the hosted build keeps out of the
//! module each visit loads: it is a second WebAssembly module (`crates/assessment-reports`, built
//! into `reports/` by Trunk) that the page imports on the first download and keeps for the next.
//! The same module encrypts and decrypts passphrase-protected files (`encrypt`, `decrypt`) and
//! reads scanner files. The editable formats (Excel, Word) come from a third module
//! (`crates/assessment-office`, in `office/`), loaded the same way on their first download. The
//! one-file edition cannot load another file: it embeds each module as a data block and its glue
//! as `globalThis.mbsaModules[name]` (see xtask/src/single.rs), and the loader below
//! instantiates it from there on first use. The `bundled-reports` feature links the core in
//! directly instead; the component tests use it, as they run without the modules.

use assessment_core::dates::iso;
use assessment_core::encrypted::DecryptError;
use assessment_core::import::Reading;
use assessment_core::report::{Download, Packed, ReportKind};
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

/// The file `download` for `assessment` as of `today`, or why not; an editable Word document
/// carries `label` in its header and footer, and the HTML report and Markdown summary what
/// changed since `previous_file` (the previous assessment of its series as stored; empty for
/// none).
pub async fn generate(
    download: Download,
    assessment: &Assessment,
    today: NaiveDate,
    edition: &str,
    label: &str,
    previous_file: &str,
) -> Result<Vec<u8>, ReportFailure> {
    let generated_at = clock::now_rfc3339();
    let app_version = env!("CARGO_PKG_VERSION");
    let file = savefile::save(assessment, crate::bank(), app_version, &generated_at);
    if download == Download::Report(ReportKind::Json) {
        return Ok(file.into_bytes());
    }
    let today = iso(today);
    if !load_guidance().await {
        return Err(ReportFailure::NotLoaded);
    }
    let packed = Packed {
        kind: download.packed_kind(),
        bank: crate::BANK_BYTES,
        // The reports module adds its own; the office module is handed it (`render_office`).
        guidance: &[],
        // The reports module adds its own.
        history: &[],
        previous_file,
        assessment_file: &file,
        generated_at: &generated_at,
        today: &today,
        app_version,
        edition,
    };
    match download {
        Download::Report(_) => generator::render(&packed).await.map(String::into_bytes),
        Download::Office(_) => generator::render_office(&packed, label).await,
    }
}

/// Installs the bank's guidance if it is not there yet, from the on-demand module; true once it
/// is there. A failed load is not remembered, so the next call tries again.
pub async fn load_guidance() -> bool {
    crate::has_guidance()
        || generator::guided_bank(crate::BANK_BYTES)
            .await
            .is_some_and(|bank| crate::install_guided_bank(&bank))
}

/// What the comparison page shows for `args` (the views are listed at
/// `assessment_core::report::compare_page_packed`): HTML in which the core's templates escaped
/// every text, and for a comparison its changes CSV.
pub async fn compare_page(args: Vec<String>) -> Result<Vec<String>, ReportFailure> {
    generator::compare_page(crate::BANK_BYTES, args).await
}

/// `file` linked to `previous`, stored as library entry `entry`, as the assessment it re-assesses.
pub async fn link(file: &str, previous: &str, entry: &str) -> Result<String, ReportFailure> {
    let saved_at = clock::now_rfc3339();
    let version = env!("CARGO_PKG_VERSION");
    generator::link(crate::BANK_BYTES, file, previous, entry, version, &saved_at).await
}

/// Why a scanner file gave no reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScanFailure {
    /// It is not a scanner's file either.
    NotAScan,
    /// A scanner's file that cannot be used: the core's sentence.
    Refused(String),
    /// The module that reads it could not be loaded.
    NotLoaded,
}

/// Reads a scanner file and previews it against `assessment` (for a multi-tenant file, the
/// tenant at `tenant`, or the list of tenants without one).
pub async fn read_scan(
    bytes: &[u8],
    name: &str,
    assessment: &Assessment,
    tenant: Option<usize>,
) -> Result<Reading, ScanFailure> {
    let file = savefile::save(assessment, crate::bank(), env!("CARGO_PKG_VERSION"), "");
    let tenant = tenant.and_then(|t| i32::try_from(t).ok()).unwrap_or(-1);
    let text = generator::read_scan(crate::BANK_BYTES, &file, bytes, name, tenant).await?;
    Reading::from_text(&text).ok_or(ScanFailure::NotLoaded)
}

/// Why an encrypted file could not be made or opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CryptFailure {
    /// The core refused to open it, for this reason.
    Refused(DecryptError),
    /// The module that does the work could not be loaded.
    NotLoaded,
    /// The browser gave no random numbers.
    NoRandomness,
}

/// `file` encrypted under `passphrase`, in the age format.
pub async fn encrypt(file: &[u8], passphrase: &str) -> Result<Vec<u8>, CryptFailure> {
    let mut random = [0u8; 48];
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(CryptFailure::NoRandomness)?;
    crypto
        .get_random_values_with_u8_array(&mut random)
        .map_err(|_| CryptFailure::NoRandomness)?;
    generator::encrypt(file, passphrase, &random).await
}

/// The contents of an encrypted file, if `passphrase` opens it.
pub async fn decrypt(sealed: &[u8], passphrase: &str) -> Result<Vec<u8>, CryptFailure> {
    generator::decrypt(sealed, passphrase).await
}

#[cfg(feature = "bundled-reports")]
mod generator {
    use assessment_core::encrypted::{self, Randomness};
    use assessment_core::import::read_packed;
    use assessment_core::report::{
        compare_page_packed, link_packed, render_packed, render_packed_office, Packed,
    };

    use super::{scan_failure, CryptFailure, ReportFailure, ScanFailure};

    const GUIDANCE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/guidance.bin"));
    const HISTORY: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/history.bin"));

    pub async fn render(packed: &Packed<'_>) -> Result<String, ReportFailure> {
        render_packed(&Packed {
            guidance: GUIDANCE,
            history: HISTORY,
            ..*packed
        })
        .map_err(ReportFailure::Refused)
    }

    pub async fn compare_page(
        bank: &[u8],
        args: Vec<String>,
    ) -> Result<Vec<String>, ReportFailure> {
        compare_page_packed(bank, HISTORY, &args).map_err(ReportFailure::Refused)
    }

    pub async fn link(
        bank: &[u8],
        file: &str,
        previous: &str,
        entry: &str,
        version: &str,
        saved_at: &str,
    ) -> Result<String, ReportFailure> {
        link_packed(bank, file, previous, entry, version, saved_at).map_err(ReportFailure::Refused)
    }

    pub async fn render_office(packed: &Packed<'_>, label: &str) -> Result<Vec<u8>, ReportFailure> {
        render_packed_office(
            &Packed {
                guidance: GUIDANCE,
                ..*packed
            },
            label,
        )
        .map_err(ReportFailure::Refused)
    }

    /// This build embeds the guided bank: `bank()` installs it.
    pub async fn guided_bank(_bank: &[u8]) -> Option<Vec<u8>> {
        None
    }

    pub async fn encrypt(
        file: &[u8],
        passphrase: &str,
        random: &[u8; 48],
    ) -> Result<Vec<u8>, CryptFailure> {
        let random = Randomness::from_bytes(*random);
        Ok(encrypted::encrypt(
            file,
            passphrase,
            encrypted::WORK_FACTOR,
            random,
        ))
    }

    pub async fn decrypt(sealed: &[u8], passphrase: &str) -> Result<Vec<u8>, CryptFailure> {
        encrypted::decrypt(sealed, passphrase, encrypted::MAX_WORK_FACTOR)
            .map_err(CryptFailure::Refused)
    }

    pub async fn read_scan(
        bank: &[u8],
        assessment_file: &str,
        scan: &[u8],
        name: &str,
        tenant: i32,
    ) -> Result<String, ScanFailure> {
        let table = include_bytes!(concat!(env!("OUT_DIR"), "/scuba.bin"));
        read_packed(bank, table, assessment_file, scan, name, tenant).map_err(scan_failure)
    }
}

#[cfg(not(feature = "bundled-reports"))]
mod generator {
    use assessment_core::encrypted::DecryptError;
    use assessment_core::report::Packed;
    use js_sys::{Array, Promise, Uint8Array};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen_futures::JsFuture;

    use super::{scan_failure, CryptFailure, ReportFailure, ScanFailure};

    // Imports the module once (relative to the page, so any hosting sub-path works) and calls one
    // of its functions. A failed import is forgotten, so the next click tries again.
    // In the one-file edition the module's bytes are a data block (gzip, base64) and its glue
    // is already defined as `globalThis.mbsaReports`.
    // Imports a module once (relative to the page, so any hosting sub-path works) and calls one
    // of its functions: `reports` (reports, guidance, encryption, scanner files) or `office` (the
    // workbook and the Word document). A failed import is forgotten, so the next click tries
    // again. In the one-file edition a module's bytes are a data block (gzip, base64) and its
    // glue is already defined as `globalThis.mbsaModules[name]`.
    #[wasm_bindgen(inline_js = r#"
const loading = new Map();
async function embeddedModule(block, glue) {
  const packed = Uint8Array.from(atob(block.textContent.trim()), (c) => c.charCodeAt(0));
  const inflated = new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"));
  const bytes = new Uint8Array(await new Response(inflated).arrayBuffer());
  await glue.default({ module_or_path: bytes });
  return glue;
}
async function fetchedModule(name) {
  const url = new URL(`${name}/assessment-${name}.js`, document.baseURI).href;
  const loaded = await import(url);
  await loaded.default();
  return loaded;
}
function loadModule(name) {
  if (!loading.has(name)) {
    const block = document.querySelector(`script[data-on-demand="${name}"]`);
    const load = block ? embeddedModule(block, globalThis.mbsaModules[name]) : fetchedModule(name);
    load.catch(() => { loading.delete(name); });
    loading.set(name, load);
  }
  return loading.get(name);
}
export function callModule(module, name, args) {
  return loadModule(module).then((loaded) => loaded[name](...args));
}
"#)]
    extern "C" {
        #[wasm_bindgen(js_name = callModule)]
        fn call_module(module: &str, name: &str, args: Array) -> Promise;
    }

    /// What the call returned, or what it threw: the module throws its own strings, a failed
    /// import throws an Error (`None`).
    async fn call(name: &str, args: Array) -> Result<JsValue, Option<String>> {
        call_in("reports", name, args).await
    }

    /// [`call`] in the module `module`.
    async fn call_in(module: &str, name: &str, args: Array) -> Result<JsValue, Option<String>> {
        JsFuture::from(call_module(module, name, args))
            .await
            .map_err(|error| error.as_string())
    }

    /// Appends the texts of `packed` to `args`, in declaration order.
    fn push_texts(args: &Array, packed: &Packed<'_>) {
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
    }

    /// Calls the generator's `render_report` with the fields of `packed` in declaration order.
    pub async fn render(packed: &Packed<'_>) -> Result<String, ReportFailure> {
        let args = Array::of2(&packed.kind.into(), &Uint8Array::from(packed.bank));
        push_texts(&args, packed);
        args.push(&packed.previous_file.into());
        text(call("render_report", args).await)
    }

    /// The text a call returned, or why there is none.
    fn text(result: Result<JsValue, Option<String>>) -> Result<String, ReportFailure> {
        match result {
            Ok(contents) => contents.as_string().ok_or(ReportFailure::NoText),
            Err(thrown) => Err(thrown.map_or(ReportFailure::NotLoaded, ReportFailure::Refused)),
        }
    }

    /// An array of texts from JavaScript.
    fn texts(items: &[&str]) -> Array {
        items.iter().map(|t| JsValue::from(*t)).collect()
    }

    pub async fn compare_page(
        bank: &[u8],
        args: Vec<String>,
    ) -> Result<Vec<String>, ReportFailure> {
        let list: Array = args.into_iter().map(JsValue::from).collect();
        let texts = call("compare_page", Array::of2(&Uint8Array::from(bank), &list))
            .await
            .map(|v| {
                Array::from(&v)
                    .iter()
                    .filter_map(|t| t.as_string())
                    .collect::<Vec<_>>()
            });
        match texts {
            Ok(texts) if !texts.is_empty() => Ok(texts),
            Ok(_) => Err(ReportFailure::NoText),
            Err(thrown) => Err(thrown.map_or(ReportFailure::NotLoaded, ReportFailure::Refused)),
        }
    }

    pub async fn link(
        bank: &[u8],
        file: &str,
        previous: &str,
        entry: &str,
        version: &str,
        saved_at: &str,
    ) -> Result<String, ReportFailure> {
        let args = texts(&[file, previous, entry, version, saved_at]);
        args.unshift(&Uint8Array::from(bank));
        text(call("link_previous", args).await)
    }

    fn bytes(value: JsValue) -> Vec<u8> {
        Uint8Array::new(&value).to_vec()
    }

    /// Calls the office module's `render_office` with the fields of `packed` in declaration
    /// order, the guidance from the reports module, and `label`.
    pub async fn render_office(packed: &Packed<'_>, label: &str) -> Result<Vec<u8>, ReportFailure> {
        let guidance = guidance().await.ok_or(ReportFailure::NotLoaded)?;
        let args = Array::of3(
            &packed.kind.into(),
            &Uint8Array::from(packed.bank),
            &Uint8Array::from(&guidance[..]),
        );
        push_texts(&args, packed);
        args.push(&label.into());
        match call_in("office", "render_office", args).await {
            Ok(file) if file.is_instance_of::<Uint8Array>() => Ok(bytes(file)),
            Ok(_) => Err(ReportFailure::NoText),
            Err(thrown) => Err(thrown.map_or(ReportFailure::NotLoaded, ReportFailure::Refused)),
        }
    }

    /// The bank's guidance from the module, or `None` when it cannot be loaded.
    async fn guidance() -> Option<Vec<u8>> {
        call("guidance", Array::new()).await.ok().map(bytes)
    }

    /// `bank` with the module's guidance merged in, or `None` when it cannot be loaded.
    pub async fn guided_bank(bank: &[u8]) -> Option<Vec<u8>> {
        let args = Array::of1(&Uint8Array::from(bank));
        call("guided_bank", args).await.ok().map(bytes)
    }

    pub async fn encrypt(
        file: &[u8],
        passphrase: &str,
        random: &[u8; 48],
    ) -> Result<Vec<u8>, CryptFailure> {
        let args = Array::of3(
            &Uint8Array::from(file),
            &passphrase.into(),
            &Uint8Array::from(&random[..]),
        );
        call("encrypt_file", args)
            .await
            .map(bytes)
            .map_err(|_| CryptFailure::NotLoaded)
    }

    pub async fn decrypt(sealed: &[u8], passphrase: &str) -> Result<Vec<u8>, CryptFailure> {
        let args = Array::of2(&Uint8Array::from(sealed), &passphrase.into());
        call("decrypt_file", args)
            .await
            .map(bytes)
            .map_err(|thrown| {
                thrown
                    .as_deref()
                    .and_then(DecryptError::from_key)
                    .map_or(CryptFailure::NotLoaded, CryptFailure::Refused)
            })
    }

    pub async fn read_scan(
        bank: &[u8],
        assessment_file: &str,
        scan: &[u8],
        name: &str,
        tenant: i32,
    ) -> Result<String, ScanFailure> {
        let args = Array::of5(
            &Uint8Array::from(bank),
            &assessment_file.into(),
            &Uint8Array::from(scan),
            &name.into(),
            &tenant.into(),
        );
        match call("read_scan", args).await {
            Ok(text) => text.as_string().ok_or(ScanFailure::NotLoaded),
            Err(thrown) => Err(thrown.map_or(ScanFailure::NotLoaded, scan_failure)),
        }
    }
}

/// The failure the module's thrown text names.
fn scan_failure(thrown: String) -> ScanFailure {
    if thrown == assessment_core::import::NOT_A_SCAN {
        ScanFailure::NotAScan
    } else {
        ScanFailure::Refused(thrown)
    }
}
