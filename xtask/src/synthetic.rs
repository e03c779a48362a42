//! A synthetic question bank of any size, made from the shipped one, for benchmarks that must show
//! how the app behaves as the bank grows (issue: 2,000 questions).

use assessment_core::Bank;

/// The shipped bank with its questions repeated, under new ids, until there are `count` of them.
/// Ids run `XAA-01` … `XZZ-99`; every copy keeps its family, so pages grow evenly.
pub fn bank(shipped: &Bank, count: usize) -> Bank {
    let mut bank = shipped.clone();
    bank.version = format!("{}-synthetic-{count}", shipped.version);
    // Closing rules name questions by id, and the copies have new ids.
    for family in &mut bank.families {
        family.closes = None;
    }
    bank.questions = (0..count)
        .map(|i| {
            let mut question = shipped.questions[i % shipped.questions.len()].clone();
            question.id = synthetic_id(i);
            question
        })
        .collect();
    bank
}

fn synthetic_id(index: usize) -> String {
    let letters = |n: usize| char::from(b'A' + u8::try_from(n % 26).expect("n % 26 < 26"));
    let block = index / 99;
    format!(
        "X{}{}-{:02}",
        letters(block / 26),
        letters(block),
        index % 99 + 1
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_synthetic_bank_is_valid_and_as_large_as_asked() {
        let shipped = Bank::from_dir(&crate::run::repo_root().join("content")).unwrap();
        let big = bank(&shipped, 2000);
        assert_eq!(big.questions.len(), 2000);
        assert!(big.problems().is_empty(), "{:?}", big.problems());
        assert_eq!(big.questions[0].id, "XAA-01");
        assert_eq!(big.questions[1999].id, "XAU-20");
    }
}
