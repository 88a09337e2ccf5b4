//! A corpus at the scale of China's county-level divisions (about 3,000): how loading a folder
//! of plans and asking across them grows from 30 to 300 to 3,000 plans.
//!
//! Each generated plan is the Wulong plan under another id and document number, based on the
//! municipal plan (so every plan localises its goals): the size and shape of a real district
//! plan. The folder is written once under `target/corpus-bench/`; each size is
//! then loaded in a fresh process (so that its memory is its own, not what an earlier size
//! freed). Prints a Markdown table; `benches/compare.py` puts it into `benches/README.md`.
//!
//! ```sh
//! cargo run --release -p srdi-plan-benches --example corpus
//! ```

#![allow(clippy::print_stdout, reason = "the table is the output")]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::Value;
use srdi_plan::{Corpus, CorpusAnswer, CorpusQuery};

/// The sizes measured, the last the number of county-level divisions.
const SIZES: [usize; 3] = [30, 300, 3_000];

fn main() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/corpus-bench");
    if let Some(size) = std::env::args().nth(1) {
        let size = size.parse().expect("a number of plans");
        return measure(&folder, size);
    }
    let largest = SIZES[SIZES.len() - 1];
    write_plans(&folder, largest);
    println!(
        "| plans | JSON on disk | load the folder | resident memory | compare goals | compare measures | search `首台`, first | second | memory of the indexes | again |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let this = std::env::current_exe().expect("this program");
    for size in SIZES {
        let row = std::process::Command::new(&this)
            .arg(size.to_string())
            .output()
            .expect("this program runs");
        assert!(
            row.status.success(),
            "{size} plans: {} {}",
            row.status,
            String::from_utf8_lossy(&row.stderr)
        );
        print!("{}", String::from_utf8_lossy(&row.stdout));
    }
}

/// Prints the row of `size` plans, the first of `folder`'s.
fn measure(folder: &Path, size: usize) {
    let part = folder.join(size.to_string());
    link_first(folder, &part, size);
    let before = resident_bytes();
    let start = Instant::now();
    let corpus = Corpus::load_dir(&part).expect("the generated plans are valid");
    let load = start.elapsed();
    let memory = resident_bytes().saturating_sub(before);
    assert_eq!(
        corpus.plans().len(),
        size + srdi_plan::embedded_ids().count()
    );
    let goals = time(&corpus, &CorpusQuery::CompareGoals);
    let measures = time(&corpus, &CorpusQuery::CompareMeasures);
    let search = CorpusQuery::Search {
        text: "首台".into(),
        language: None,
    };
    let first = once(&corpus, &search);
    let unindexed = resident_bytes();
    let second = once(&corpus, &search);
    let indexes = resident_bytes().saturating_sub(unindexed);
    let again = time(&corpus, &search);
    println!(
        "| {size} | {:.0} MB | {} | {:.0} MB | {} | {} | {} | {} | {:.0} MB | {} |",
        megabytes(disk_bytes(&part)),
        show(load),
        megabytes(memory),
        show(goals),
        show(measures),
        show(first),
        show(second),
        megabytes(indexes),
        show(again),
    );
}

/// Writes `count` district plans into `folder/all`, unless a previous run did.
fn write_plans(folder: &Path, count: usize) {
    let all = folder.join("all");
    if all.join(format!("{:05}.json", count - 1)).exists() {
        return;
    }
    std::fs::create_dir_all(&all).expect("target/ is writable");
    let wulong: Value = serde_json::from_str(srdi_plan::WULONG_JSON).expect("the shipped plan");
    for i in 0..count {
        let mut plan = wulong.clone();
        plan["id"] = format!("district-{i:05}").into();
        plan["document"]["number"] = format!("某府办发〔2022〕{}号", i + 1).into();
        let path = all.join(format!("{i:05}.json"));
        std::fs::write(path, plan.to_string()).expect("target/ is writable");
    }
}

/// Makes `part` a folder of the first `size` plans of `folder/all` (hard links: no copies).
fn link_first(folder: &Path, part: &Path, size: usize) {
    if part.exists() {
        return;
    }
    std::fs::create_dir_all(part).expect("target/ is writable");
    for i in 0..size {
        let name = format!("{i:05}.json");
        std::fs::hard_link(folder.join("all").join(&name), part.join(&name))
            .expect("target/ is writable");
    }
}

/// How long `query` takes, asked once.
fn once(corpus: &Corpus, query: &CorpusQuery) -> Duration {
    let start = Instant::now();
    let answer = corpus.answer(query).expect("an answer");
    std::hint::black_box(rows(&answer));
    start.elapsed()
}

/// The median of five askings.
fn time(corpus: &Corpus, query: &CorpusQuery) -> Duration {
    let mut times: Vec<Duration> = (0..5).map(|_| once(corpus, query)).collect();
    times.sort();
    times[times.len() / 2]
}

fn rows(answer: &CorpusAnswer<'_>) -> usize {
    match answer {
        CorpusAnswer::Goals(rows) => rows.len(),
        CorpusAnswer::Measures(rows) => rows.len(),
        CorpusAnswer::Hits(rows) => rows.len(),
        _ => 0,
    }
}

fn show(time: Duration) -> String {
    let ms = time.as_secs_f64() * 1e3;
    if ms >= 1000.0 {
        format!("{:.2} s", ms / 1e3)
    } else {
        format!("{ms:.1} ms")
    }
}

#[allow(clippy::cast_precision_loss, reason = "megabytes to print, not exact")]
fn megabytes(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

fn disk_bytes(folder: &Path) -> u64 {
    std::fs::read_dir(folder).map_or(0, |entries| {
        entries
            .flatten()
            .filter_map(|e| e.metadata().ok())
            .map(|m| m.len())
            .sum()
    })
}

/// The process's resident memory (Linux; zero elsewhere).
fn resident_bytes() -> u64 {
    let statm: PathBuf = "/proc/self/statm".into();
    std::fs::read_to_string(statm)
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
        .map_or(0, |pages| pages * 4096)
}
