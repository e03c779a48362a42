//! Making a report, and encrypting or decrypting a file, at the person's click.
//!
//! The assessment file (JSON) is written here: it is the same code that saves the work. Every
//! other format comes from the core's report generator, which the hosted build keeps out of the
//! module each visit loads: it is a second WebAssembly module (`crates/assessment-reports`, built
//! into `reports/` by Trunk) that the page imports on the first download and keeps for the next.
//! The same module encrypts and decrypts passphrase-protected files (`encrypt`, `decrypt`). The
//! one-file edition cannot load a second file, so it is built with the `bundled-reports` feature
//! and calls the core directly.

use assessment_core::dates::iso;
use assessment_core::encrypted::DecryptError;
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
    if !load_guidance().await {
        return Err(ReportFailure::NotLoaded);
    }
    // Reports quote the guidance, so they get the whole bank.
    let bank = crate::bank().to_bytes();
    let packed = Packed {
        kind: kind.file_kind(),
        bank: &bank,
        assessment_file: &file,
        generated_at: &generated_at,
        today: &today,
        app_version,
        edition,
    };
    generator::render(&packed).await
}

/// Installs the bank's guidance if it is not there yet, from the on-demand module; true once it
/// is there. A failed load is not remembered, so the next call tries again.
pub async fn load_guidance() -> bool {
    crate::has_guidance()
        || generator::guidance()
            .await
            .is_some_and(|g| crate::install_guidance(&g))
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
    use assessment_core::report::{render_packed, Packed};

    use super::{CryptFailure, ReportFailure};

    pub async fn render(packed: &Packed<'_>) -> Result<String, ReportFailure> {
        render_packed(packed).map_err(ReportFailure::Refused)
    }

    /// The one-file edition embeds the guidance: `bank()` installs it.
    pub async fn guidance() -> Option<Vec<u8>> {
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
}

#[cfg(not(feature = "bundled-reports"))]
mod generator {
    use assessment_core::encrypted::DecryptError;
    use assessment_core::report::Packed;
    use js_sys::{Array, Promise, Uint8Array};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen_futures::JsFuture;

    use super::{CryptFailure, ReportFailure};

    // Imports the module once (relative to the page, so any hosting sub-path works) and calls one
    // of its functions. A failed import is forgotten, so the next click tries again.
    #[wasm_bindgen(inline_js = r#"
let loading = null;
export function callGenerator(name, args) {
  if (loading === null) {
    const url = new URL("reports/assessment-reports.js", document.baseURI).href;
    loading = import(url).then(async (generator) => {
      await generator.default();
      return generator;
    });
    loading.catch(() => { loading = null; });
  }
  return loading.then((generator) => generator[name](...args));
}
"#)]
    extern "C" {
        #[wasm_bindgen(js_name = callGenerator)]
        fn call_generator(name: &str, args: Array) -> Promise;
    }

    /// What the call returned, or what it threw: the module throws its own strings, a failed
    /// import throws an Error (`None`).
    async fn call(name: &str, args: Array) -> Result<JsValue, Option<String>> {
        JsFuture::from(call_generator(name, args))
            .await
            .map_err(|error| error.as_string())
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
        match call("render_report", args).await {
            Ok(contents) => contents.as_string().ok_or(ReportFailure::NoText),
            Err(thrown) => Err(thrown.map_or(ReportFailure::NotLoaded, ReportFailure::Refused)),
        }
    }

    fn bytes(value: JsValue) -> Vec<u8> {
        Uint8Array::new(&value).to_vec()
    }

    /// The bank's guidance from the module, or `None` when it cannot be loaded.
    pub async fn guidance() -> Option<Vec<u8>> {
        call("guidance", Array::new()).await.ok().map(bytes)
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
}
