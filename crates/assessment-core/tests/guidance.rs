//! Splitting the guidance from the shipped bank and putting it back loses nothing, refuses
//! guidance of another bank, and shows how much of the bank the first screen could leave out.

mod common;

use assessment_core::guidance::Guidance;
use assessment_core::Bank;
use common::shipped_bank;

fn gzip_len(bytes: &[u8]) -> usize {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap().len()
}

#[test]
fn split_and_merge_give_back_the_whole_bank() {
    let bank = shipped_bank();
    let (lite, guidance) = bank.clone().split_guidance();
    assert!(lite
        .questions
        .iter()
        .all(|q| q.why.is_empty() && q.remedy.is_empty()));
    let guidance = Guidance::from_bytes(&guidance.to_bytes()).unwrap();
    let lite = Bank::from_bytes(&lite.to_bytes()).unwrap();
    assert_eq!(lite.with_guidance(guidance).unwrap(), bank);
}

#[test]
fn guidance_of_another_bank_is_refused() {
    let bank = shipped_bank();
    let (lite, mut guidance) = bank.clone().split_guidance();
    guidance.questions.pop();
    assert!(lite.clone().with_guidance(guidance).is_err());
    let (_, mut other) = bank.split_guidance();
    other.version = "2026.11.0".into();
    assert!(lite.with_guidance(other).is_err());
}

#[test]
fn the_guidance_is_most_of_the_bank() {
    let bank = shipped_bank();
    let whole = gzip_len(&bank.to_bytes());
    let (lite, guidance) = bank.split_guidance();
    let (lite, guidance) = (gzip_len(&lite.to_bytes()), gzip_len(&guidance.to_bytes()));
    println!("bank {whole} B gzip: without guidance {lite} B, guidance {guidance} B");
    assert!(guidance > lite, "the guidance is the larger part");
}
