//! Assessment files protected by a passphrase, in the age format (age-encryption.org/v1) with
//! its one passphrase (scrypt) recipient, so anyone can open them with the `age` command-line
//! tool: `age -d -o assessment.json file.json.age`.
//!
//! The format, as written and read here:
//!
//! ```text
//! age-encryption.org/v1
//! -> scrypt <salt: 16 bytes, base64> <log2 of the scrypt work factor>
//! <the 16-byte file key sealed with ChaCha20-Poly1305 under scrypt(passphrase): base64>
//! --- <HMAC-SHA-256 of the header above, keyed by HKDF(file key, "header"): base64>
//! <16-byte nonce><payload: 64 KiB chunks, each ChaCha20-Poly1305 under HKDF(file key, nonce, "payload")>
//! ```
//!
//! Base64 is the standard alphabet without padding, and must be canonical. The core has no random
//! source and no clock: the caller passes the 48 random bytes in ([`Randomness`]).

use base64::engine::{general_purpose::GeneralPurpose, DecodePaddingMode, GeneralPurposeConfig};
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use hkdf::Hkdf;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The first line of every age file; enough to recognise one.
pub const MAGIC: &[u8] = b"age-encryption.org/v1\n";

/// The scrypt work factor (log2 N) this app writes: 2^17 iterations with r = 8 take 128 MiB and
/// about a second in a browser on a 2-core machine (docs/PERFORMANCE.md).
pub const WORK_FACTOR: u8 = 17;

/// The largest work factor this app accepts when opening. The age tool writes 18 (256 MiB); each
/// step doubles time and memory, so a hostile file could otherwise ask for gigabytes and minutes
/// and freeze the page.
pub const MAX_WORK_FACTOR: u8 = 18;

/// The shortest passphrase accepted for a new file. Anyone holding the file can try passphrases
/// offline as fast as their hardware allows; below about 12 characters that is quick.
pub const MIN_PASSPHRASE_CHARS: usize = 12;

/// Plaintext bytes per payload chunk, as the format fixes it.
const CHUNK: usize = 64 * 1024;
const TAG: usize = 16;
const SCRYPT_LABEL: &[u8] = b"age-encryption.org/v1/scrypt";

/// The random bytes one encryption needs, supplied by the caller.
#[derive(Clone, Copy)]
pub struct Randomness {
    pub file_key: [u8; 16],
    pub salt: [u8; 16],
    pub nonce: [u8; 16],
}

impl Randomness {
    /// Splits 48 random bytes into the three values.
    pub fn from_bytes(bytes: [u8; 48]) -> Randomness {
        let part = |i: usize| {
            let mut out = [0; 16];
            out.copy_from_slice(&bytes[i * 16..i * 16 + 16]);
            out
        };
        Randomness {
            file_key: part(0),
            salt: part(1),
            nonce: part(2),
        }
    }
}

/// Why a new passphrase is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PassphraseProblem {
    /// Fewer than [`MIN_PASSPHRASE_CHARS`] characters.
    TooShort,
    /// The two entries differ.
    Mismatch,
}

/// Checks a new passphrase typed twice.
pub fn check_new_passphrase(first: &str, second: &str) -> Result<(), PassphraseProblem> {
    if first.chars().count() < MIN_PASSPHRASE_CHARS {
        Err(PassphraseProblem::TooShort)
    } else if first != second {
        Err(PassphraseProblem::Mismatch)
    } else {
        Ok(())
    }
}

/// Why an encrypted file could not be opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecryptError {
    /// Not an age file at all.
    NotEncrypted,
    /// An age file, but not protected by a passphrase (it is for a key this tool does not hold).
    NotPassphrase,
    /// The header is damaged or not in the format.
    Malformed,
    /// The file asks for more work than [`MAX_WORK_FACTOR`].
    WorkFactorTooHigh { asked: u8 },
    /// The passphrase does not open the file.
    WrongPassphrase,
    /// The header or contents were changed after encryption, or the file is cut short.
    Damaged,
}

impl DecryptError {
    /// A stable key, for crossing into a separately loaded module and back.
    pub fn key(self) -> String {
        match self {
            DecryptError::NotEncrypted => "not-encrypted".into(),
            DecryptError::NotPassphrase => "not-passphrase".into(),
            DecryptError::Malformed => "malformed".into(),
            DecryptError::WorkFactorTooHigh { asked } => format!("work-factor-{asked}"),
            DecryptError::WrongPassphrase => "wrong-passphrase".into(),
            DecryptError::Damaged => "damaged".into(),
        }
    }

    /// The error a [`DecryptError::key`] names.
    pub fn from_key(key: &str) -> Option<DecryptError> {
        Some(match key {
            "not-encrypted" => DecryptError::NotEncrypted,
            "not-passphrase" => DecryptError::NotPassphrase,
            "malformed" => DecryptError::Malformed,
            "wrong-passphrase" => DecryptError::WrongPassphrase,
            "damaged" => DecryptError::Damaged,
            other => DecryptError::WorkFactorTooHigh {
                asked: other.strip_prefix("work-factor-")?.parse().ok()?,
            },
        })
    }
}

/// The bytes start like an age file.
pub fn is_encrypted(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

fn base64() -> GeneralPurpose {
    GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        GeneralPurposeConfig::new()
            .with_encode_padding(false)
            .with_decode_padding_mode(DecodePaddingMode::RequireNone),
    )
}

/// scrypt(passphrase) with the age label and `salt`, at 2^`log_n` iterations.
fn wrap_key(passphrase: &str, salt: &[u8; 16], log_n: u8) -> Result<[u8; 32], DecryptError> {
    let params = scrypt::Params::new(log_n, 8, 1, 32).map_err(|_| DecryptError::Malformed)?;
    let mut full_salt = SCRYPT_LABEL.to_vec();
    full_salt.extend_from_slice(salt);
    let mut key = [0; 32];
    scrypt::scrypt(passphrase.as_bytes(), &full_salt, &params, &mut key)
        .map_err(|_| DecryptError::Malformed)?;
    Ok(key)
}

fn derive(file_key: &[u8; 16], salt: &[u8], info: &[u8]) -> [u8; 32] {
    let mut out = [0; 32];
    Hkdf::<Sha256>::new(Some(salt), file_key)
        .expand(info, &mut out)
        .unwrap_or_else(|_| unreachable!("32 bytes is a valid HKDF-SHA-256 length"));
    out
}

fn header_mac(file_key: &[u8; 16], header: &[u8]) -> Hmac<Sha256> {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&derive(file_key, &[], b"header"))
        .unwrap_or_else(|_| unreachable!("HMAC takes a key of any length"));
    mac.update(header);
    mac
}

fn chunk_nonce(counter: u64, last: bool) -> Nonce {
    let mut nonce = [0u8; 12];
    nonce[3..11].copy_from_slice(&counter.to_be_bytes());
    nonce[11] = u8::from(last);
    Nonce::from(nonce)
}

/// Encrypts `plaintext` under `passphrase` at work factor `log_n`.
pub fn encrypt(plaintext: &[u8], passphrase: &str, log_n: u8, random: Randomness) -> Vec<u8> {
    let b64 = base64();
    let wrapping = wrap_key(passphrase, &random.salt, log_n)
        .unwrap_or_else(|_| unreachable!("the app's work factor is valid"));
    let body = ChaCha20Poly1305::new(Key::from_slice(&wrapping))
        .encrypt(&Nonce::default(), random.file_key.as_slice())
        .unwrap_or_else(|_| unreachable!("sealing 16 bytes cannot fail"));
    let mut header = Vec::new();
    header.extend_from_slice(MAGIC);
    header.extend_from_slice(
        format!(
            "-> scrypt {} {log_n}\n{}\n---",
            b64.encode(random.salt),
            b64.encode(&body)
        )
        .as_bytes(),
    );
    let mac = header_mac(&random.file_key, &header)
        .finalize()
        .into_bytes();
    let mut out = header;
    out.extend_from_slice(format!(" {}\n", b64.encode(mac)).as_bytes());
    out.extend_from_slice(&random.nonce);
    let payload = ChaCha20Poly1305::new(Key::from_slice(&derive(
        &random.file_key,
        &random.nonce,
        b"payload",
    )));
    let chunks: Vec<&[u8]> = if plaintext.is_empty() {
        vec![&[]]
    } else {
        plaintext.chunks(CHUNK).collect()
    };
    for (counter, chunk) in (0u64..).zip(&chunks) {
        let last = counter + 1 == chunks.len() as u64;
        let sealed = payload
            .encrypt(&chunk_nonce(counter, last), *chunk)
            .unwrap_or_else(|_| unreachable!("sealing a chunk cannot fail"));
        out.extend_from_slice(&sealed);
    }
    out
}

/// The parsed header: the scrypt stanza, the MAC, and where the payload starts.
struct Header<'a> {
    salt: [u8; 16],
    log_n: u8,
    body: Vec<u8>,
    /// The header bytes the MAC covers (up to and including `---`).
    covered: &'a [u8],
    mac: Vec<u8>,
    payload: &'a [u8],
}

/// Reads `line` up to `\n` from `rest`, returning it and what follows.
fn line(rest: &[u8]) -> Result<(&[u8], &[u8]), DecryptError> {
    let end = rest
        .iter()
        .position(|&b| b == b'\n')
        .ok_or(DecryptError::Malformed)?;
    Ok((&rest[..end], &rest[end + 1..]))
}

fn text(raw: &[u8]) -> Result<&str, DecryptError> {
    std::str::from_utf8(raw).map_err(|_| DecryptError::Malformed)
}

fn parse_header(bytes: &[u8]) -> Result<Header<'_>, DecryptError> {
    if !is_encrypted(bytes) {
        return Err(DecryptError::NotEncrypted);
    }
    let b64 = base64();
    let (stanza, rest) = line(&bytes[MAGIC.len()..])?;
    let args: Vec<&str> = text(stanza)?.split(' ').collect();
    if args.first() != Some(&"->") {
        return Err(DecryptError::Malformed);
    }
    if args.get(1) != Some(&"scrypt") {
        return Err(DecryptError::NotPassphrase);
    }
    let [_, _, salt, log_n] = args[..] else {
        return Err(DecryptError::Malformed);
    };
    let salt: [u8; 16] = b64
        .decode(salt)
        .ok()
        .and_then(|s| s.try_into().ok())
        .ok_or(DecryptError::Malformed)?;
    // Decimal without leading zeros, as the format requires.
    if log_n.is_empty() || log_n.starts_with('0') || !log_n.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DecryptError::Malformed);
    }
    let log_n: u8 = log_n.parse().map_err(|_| DecryptError::Malformed)?;
    // The sealed file key is 32 bytes: one base64 line of 43 characters.
    let (body, rest) = line(rest)?;
    let body = b64
        .decode(text(body)?)
        .map_err(|_| DecryptError::Malformed)?;
    if body.len() != 32 {
        return Err(DecryptError::Malformed);
    }
    let (mac_line, payload) = line(rest)?;
    let mac_text = text(mac_line)?
        .strip_prefix("--- ")
        .ok_or(DecryptError::NotPassphrase)?;
    let mac = b64.decode(mac_text).map_err(|_| DecryptError::Malformed)?;
    let covered_len = bytes.len() - payload.len() - mac_line.len() - 1 + 3;
    Ok(Header {
        salt,
        log_n,
        body,
        covered: &bytes[..covered_len],
        mac,
        payload,
    })
}

/// Decrypts an age file protected by `passphrase`, refusing work factors above `max_log_n`.
pub fn decrypt(bytes: &[u8], passphrase: &str, max_log_n: u8) -> Result<Vec<u8>, DecryptError> {
    let header = parse_header(bytes)?;
    if header.log_n > max_log_n {
        return Err(DecryptError::WorkFactorTooHigh {
            asked: header.log_n,
        });
    }
    let wrapping = wrap_key(passphrase, &header.salt, header.log_n)?;
    let file_key: [u8; 16] = ChaCha20Poly1305::new(Key::from_slice(&wrapping))
        .decrypt(&Nonce::default(), header.body.as_slice())
        .ok()
        .and_then(|key| key.try_into().ok())
        .ok_or(DecryptError::WrongPassphrase)?;
    header_mac(&file_key, header.covered)
        .verify_slice(&header.mac)
        .map_err(|_| DecryptError::Damaged)?;
    let (nonce, sealed) = header
        .payload
        .split_at_checked(16)
        .ok_or(DecryptError::Damaged)?;
    let payload = ChaCha20Poly1305::new(Key::from_slice(&derive(&file_key, nonce, b"payload")));
    let chunks: Vec<&[u8]> = sealed.chunks(CHUNK + TAG).collect();
    if chunks.is_empty() {
        return Err(DecryptError::Damaged);
    }
    let mut out = Vec::with_capacity(sealed.len());
    for (counter, chunk) in (0u64..).zip(&chunks) {
        let last = counter + 1 == chunks.len() as u64;
        let plain = payload
            .decrypt(&chunk_nonce(counter, last), *chunk)
            .map_err(|_| DecryptError::Damaged)?;
        // Only a file with no contents at all may end with an empty chunk.
        if plain.is_empty() && counter > 0 {
            return Err(DecryptError::Damaged);
        }
        out.extend_from_slice(&plain);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PASS: &str = "correct horse battery";

    fn random(seed: u8) -> Randomness {
        Randomness::from_bytes(std::array::from_fn(|i| (i as u8).wrapping_mul(31) ^ seed))
    }

    /// A low work factor keeps the exhaustive tests quick; the app writes [`WORK_FACTOR`].
    const TEST_LOG_N: u8 = 4;

    #[test]
    fn round_trips_every_size_around_a_chunk() {
        for len in [
            0,
            1,
            100,
            CHUNK - 1,
            CHUNK,
            CHUNK + 1,
            2 * CHUNK,
            3 * CHUNK + 7,
        ] {
            let plain: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            let sealed = encrypt(&plain, PASS, TEST_LOG_N, random(len as u8));
            assert!(is_encrypted(&sealed));
            assert_eq!(decrypt(&sealed, PASS, MAX_WORK_FACTOR), Ok(plain), "{len}");
        }
    }

    #[test]
    fn a_wrong_passphrase_is_named_as_such() {
        let sealed = encrypt(b"{}", PASS, TEST_LOG_N, random(1));
        assert_eq!(
            decrypt(&sealed, "correct horse batterz", MAX_WORK_FACTOR),
            Err(DecryptError::WrongPassphrase)
        );
    }

    #[test]
    fn every_flipped_byte_of_a_small_file_is_refused() {
        let sealed = encrypt(b"{\"kind\":\"x\"}", PASS, TEST_LOG_N, random(2));
        for i in 0..sealed.len() {
            let mut tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assert!(
                decrypt(&tampered, PASS, MAX_WORK_FACTOR).is_err(),
                "byte {i} flipped was accepted"
            );
        }
    }

    #[test]
    fn every_truncation_is_refused() {
        let sealed = encrypt(&[7; 300], PASS, TEST_LOG_N, random(3));
        for len in 0..sealed.len() {
            assert!(
                decrypt(&sealed[..len], PASS, MAX_WORK_FACTOR).is_err(),
                "{len}"
            );
        }
        // A whole chunk cut off the end of a longer file is refused too.
        let long = encrypt(&[7; CHUNK + 10], PASS, TEST_LOG_N, random(4));
        let cut = long.len() - 10 - TAG;
        assert_eq!(
            decrypt(&long[..cut], PASS, MAX_WORK_FACTOR),
            Err(DecryptError::Damaged)
        );
    }

    #[test]
    fn an_absurd_work_factor_is_refused_before_any_work() {
        let sealed = encrypt(b"{}", PASS, TEST_LOG_N, random(5));
        let text = String::from_utf8_lossy(&sealed).into_owned();
        let hostile = text.replacen(&format!(" {TEST_LOG_N}\n"), " 40\n", 1);
        assert_eq!(
            decrypt(hostile.as_bytes(), PASS, MAX_WORK_FACTOR),
            Err(DecryptError::WorkFactorTooHigh { asked: 40 })
        );
        assert_eq!(
            decrypt(&sealed, PASS, TEST_LOG_N - 1),
            Err(DecryptError::WorkFactorTooHigh { asked: TEST_LOG_N })
        );
    }

    #[test]
    fn other_files_are_recognised_and_refused_plainly() {
        assert_eq!(
            decrypt(b"{\"kind\":1}", PASS, MAX_WORK_FACTOR),
            Err(DecryptError::NotEncrypted)
        );
        let x25519 = b"age-encryption.org/v1\n-> X25519 abc\ndef\n--- ghi\n";
        assert_eq!(
            decrypt(x25519, PASS, MAX_WORK_FACTOR),
            Err(DecryptError::NotPassphrase)
        );
        for key in [
            "not-encrypted",
            "damaged",
            "work-factor-40",
            "wrong-passphrase",
        ] {
            assert_eq!(DecryptError::from_key(key).unwrap().key(), key);
        }
        assert_eq!(DecryptError::from_key("work-factor-x"), None);
    }

    #[test]
    fn new_passphrases_are_long_enough_and_typed_twice_alike() {
        assert_eq!(
            check_new_passphrase("short", "short"),
            Err(PassphraseProblem::TooShort)
        );
        assert_eq!(
            check_new_passphrase("twelve chars", "twelve charz"),
            Err(PassphraseProblem::Mismatch)
        );
        assert_eq!(check_new_passphrase("twelve chars", "twelve chars"), Ok(()));
    }
}
