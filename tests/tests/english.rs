//! The English of every shipped plan: one rendering per term, as `policy-data/GLOSSARY.md`
//! records it, and no Chinese left untranslated.

use srdi_plan::PlanData;

const GLOSSARY: &str = include_str!("../../policy-data/GLOSSARY.md");

fn shipped() -> Vec<&'static PlanData> {
    srdi_plan::embedded_ids()
        .map(|id| srdi_plan::embedded(id).unwrap().data())
        .collect()
}

/// A checked glossary row: the Chinese term (in backticks) and its renderings (in bold).
struct Rendering {
    term: &'static str,
    english: Vec<&'static str>,
}

/// The rows of the glossary's tables whose Chinese cell is a term in backticks.
fn checked_rows() -> Vec<Rendering> {
    GLOSSARY
        .lines()
        .filter_map(|line| {
            let mut cells = line.strip_prefix('|')?.split('|').map(str::trim);
            let term = cells.next()?.strip_prefix('`')?.strip_suffix('`')?;
            let english = cells.next()?.split("**").skip(1).step_by(2).collect();
            Some(Rendering { term, english })
        })
        .collect()
}

#[test]
fn every_checked_glossary_term_has_a_bold_rendering() {
    let rows = checked_rows();
    assert!(rows.len() > 80, "only {} checked rows", rows.len());
    for row in &rows {
        assert!(
            !row.english.is_empty(),
            "`{}` has no bold rendering",
            row.term
        );
    }
}

#[test]
fn the_data_renders_every_glossary_term_as_the_glossary_does() {
    let rows = checked_rows();
    let mut used = vec![false; rows.len()];
    let mut wrong = Vec::new();
    for plan in shipped() {
        for text in plan.texts() {
            let en = &text.text.en;
            if en.is_empty() {
                continue;
            }
            let en = en.to_lowercase();
            for (row, used) in rows.iter().zip(&mut used) {
                if !text.text.zh.contains(row.term) {
                    continue;
                }
                *used = true;
                if !row.english.iter().any(|e| en.contains(&e.to_lowercase())) {
                    wrong.push(format!(
                        "{}{}: `{}` is not rendered as {:?}: {en}",
                        plan.id,
                        text.pointer(),
                        row.term,
                        row.english
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    let unused: Vec<&str> = rows
        .iter()
        .zip(&used)
        .filter(|(_, used)| !**used)
        .map(|(row, _)| row.term)
        .collect();
    assert!(
        unused.is_empty(),
        "glossary terms no shipped plan prints: {unused:?}"
    );
}

/// Chinese characters and CJK punctuation (〔〕《》、。（），…), which English never needs.
fn is_chinese(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}')
}

/// `text` without the names inside 《》, which stay as printed.
fn without_book_titles(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some((before, after)) = rest.split_once('《') {
        out.push_str(before);
        rest = after.split_once('》').map_or("", |(_, after)| after);
    }
    out + rest
}

#[test]
fn english_holds_no_chinese_but_document_numbers_and_book_titles() {
    let mut found = Vec::new();
    for plan in shipped() {
        // The document numbers the plan records: its own and those of the documents it cites.
        let numbers: Vec<&str> = plan
            .document
            .number
            .iter()
            .chain(plan.entities.iter().filter_map(|e| e.number.as_ref()))
            .map(AsRef::as_ref)
            .collect();
        for text in plan.texts() {
            let en = &text.text.en;
            if en.is_empty() {
                continue;
            }
            let mut english = without_book_titles(en);
            for number in &numbers {
                english = english.replace(number, "");
            }
            if english.chars().any(is_chinese) {
                found.push(format!("{}{}: {en}", plan.id, text.pointer()));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn book_titles_and_chinese_are_told_apart() {
    assert_eq!(
        without_book_titles("see 《办法》 and 《通知》."),
        "see  and ."
    );
    assert!("武隆".chars().all(is_chinese) && "〔〕（），".chars().all(is_chinese));
    assert!(!"“little giant” – 2022–2025".chars().any(is_chinese));
}
