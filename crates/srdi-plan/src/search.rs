//! The search index of a plan: every searchable string of it and, once the plan has been
//! searched [`SCANS`] times, where each sequence of three bytes occurs. Built on the first
//! search; a plan never changes, so it never goes stale. Until the sequences are indexed, a
//! search scans every string (about 7 µs for the Wulong plan); then it looks only at the
//! strings that hold the rarest three bytes of its phrase (about 0.5 µs), matching them with
//! the same [`Needle`]. Indexing costs about a hundred scans, which a plan searched once or
//! twice would never repay.
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};

use rustc_hash::FxHashMap;

use crate::answer::Language;
use crate::model::PlanData;
use crate::query::Needle;
use crate::refs::{EntityRef, ItemRef};

/// One searchable string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) item: ItemRef,
    /// The field as [`crate::TextRef::field_name`] names it (`number` for document numbers).
    pub(crate) field: String,
    pub(crate) language: Language,
    pub(crate) text: crate::model::Str,
}

/// How many searches of a plan scan every string before its three-byte sequences are
/// indexed. Indexing the Wulong plan costs about a hundred scans (750 against 7 µs), and an
/// indexed search about a tenth of one: a plan searched this often is likely searched on.
const SCANS: u32 = 16;

#[derive(Debug, Default)]
pub(crate) struct SearchIndex {
    /// Every searchable string, in the order of the hits of a search.
    entries: Vec<Entry>,
    /// How many searches have scanned every string.
    scans: AtomicU32,
    /// Where each three-byte sequence occurs, from the search after the [`SCANS`]th.
    trigrams: OnceLock<Trigrams>,
}

/// A cache of the plan: a copy starts with what the original has built.
impl Clone for SearchIndex {
    fn clone(&self) -> Self {
        Self {
            entries: self.entries.clone(),
            scans: AtomicU32::new(self.scans.load(Ordering::Relaxed)),
            trigrams: self.trigrams.clone(),
        }
    }
}

/// The entries that hold each three-byte sequence.
#[derive(Debug, Clone, Default)]
struct Trigrams {
    /// For each three bytes (ASCII letters lowercased), where its entries stand in
    /// `postings`: the first and how many.
    places: FxHashMap<[u8; 3], (u32, u32)>,
    /// The entries that hold each three bytes, in order, each once: one list for all of them,
    /// so that indexing allocates once, not once per sequence.
    postings: Vec<u32>,
}

/// The three-byte sequences of `text` that start a character, ASCII letters lowercased, as
/// search compares them. A match starts on a character boundary (see [`Needle`]), so each
/// such sequence of a phrase is one of its text's; skipping those that start inside a
/// character keeps a third of a Chinese text's, and far fewer distinct ones.
fn trigrams(text: &[u8]) -> impl Iterator<Item = [u8; 3]> + '_ {
    text.windows(3).filter_map(|w| {
        let key: [u8; 3] = w.try_into().ok()?;
        let continuation = key[0] & 0b1100_0000 == 0b1000_0000;
        (!continuation).then(|| key.map(|b| b.to_ascii_lowercase()))
    })
}

impl SearchIndex {
    /// Every text of `data` in both languages, then the document numbers (people search
    /// for them too, though they are not texts of two languages).
    pub(crate) fn build(data: &PlanData) -> Self {
        let mut entries = Vec::new();
        data.visit_texts(|text| {
            let field = text.field_name();
            for (language, content) in
                [(Language::Zh, &text.text.zh), (Language::En, &text.text.en)]
            {
                entries.push(Entry {
                    item: text.item,
                    field: field.clone(),
                    language,
                    text: content.clone(),
                });
            }
        });
        let entities = data
            .entities
            .iter()
            .enumerate()
            .map(|(i, entity)| (ItemRef::Entity(EntityRef::new(i)), entity.number.as_ref()));
        let numbers =
            std::iter::once((ItemRef::Document, data.document.number.as_ref())).chain(entities);
        for (item, number) in numbers {
            if let Some(number) = number {
                entries.push(Entry {
                    item,
                    field: "number".to_owned(),
                    language: Language::Zh,
                    text: number.clone(),
                });
            }
        }
        Self {
            entries,
            ..Self::default()
        }
    }

    /// The entries that hold `phrase` (as `needle` matches it), in order, with a snippet of
    /// each match.
    pub(crate) fn find<'a>(
        &'a self,
        phrase: &str,
        needle: &Needle<'_>,
    ) -> Vec<(&'a Entry, String)> {
        let trigrams = match self.trigrams.get() {
            Some(trigrams) => Some(trigrams),
            None if self.scans.fetch_add(1, Ordering::Relaxed) >= SCANS => {
                Some(self.trigrams.get_or_init(|| Trigrams::build(&self.entries)))
            }
            None => None,
        };
        let phrase = phrase.trim().as_bytes();
        let rarest = trigrams.and_then(|trigrams| {
            self::trigrams(phrase)
                .map(|key| trigrams.postings_of(key))
                .min_by_key(|postings| postings.len())
        });
        let candidates: Box<dyn Iterator<Item = &Entry>> = match rarest {
            Some(postings) => Box::new(
                postings
                    .iter()
                    .filter_map(|&at| self.entries.get(at as usize)),
            ),
            // Not indexed yet, or fewer than three bytes: every string.
            None => Box::new(self.entries.iter()),
        };
        candidates
            .filter_map(|entry| needle.snippet(&entry.text).map(|snippet| (entry, snippet)))
            .collect()
    }
}

impl Trigrams {
    fn build(entries: &[Entry]) -> Self {
        // Two passes: how many places each sequence may need (at most one per occurrence),
        // then each entry in its sequences' places, once.
        let mut places: FxHashMap<[u8; 3], (u32, u32)> = FxHashMap::default();
        for entry in entries {
            for key in trigrams(entry.text.as_bytes()) {
                places.entry(key).or_default().1 += 1;
            }
        }
        let mut room = 0;
        for (start, count) in places.values_mut() {
            (*start, room) = (room, room + *count);
            *count = 0;
        }
        let mut postings = vec![0; room as usize];
        for (at, entry) in (0..).zip(entries) {
            for key in trigrams(entry.text.as_bytes()) {
                let Some((start, count)) = places.get_mut(&key) else {
                    continue;
                };
                // The places filled so far and the next free one.
                let filled = *start as usize..=(*start + *count) as usize;
                match postings.get_mut(filled).unwrap_or_default() {
                    [.., last, _] if *last == at => {}
                    [.., free] => {
                        *free = at;
                        *count += 1;
                    }
                    [] => {}
                }
            }
        }
        Self { places, postings }
    }

    /// The entries that hold the three bytes `key`, in order.
    fn postings_of(&self, key: [u8; 3]) -> &[u32] {
        self.places.get(&key).map_or(&[], |&(start, count)| {
            let start = start as usize;
            self.postings
                .get(start..start + count as usize)
                .unwrap_or(&[])
        })
    }
}

#[cfg(test)]
mod tests {
    use super::SCANS;
    use crate::plan::Plan;

    /// A scan and the index find the same hits, in the same order, whatever the phrase.
    #[test]
    fn the_index_finds_what_a_scan_finds() {
        let phrases = [
            "首台",
            "专精特新",
            "小巨人",
            "LITTLE GIANT",
            "loan",
            "渝府办发〔2022〕23号",
            "区",
            "a",
            "no such phrase",
        ];
        let plan = Plan::from_json(crate::WULONG_JSON).unwrap();
        let scanned: Vec<_> = phrases.iter().map(|p| plan.search(p).unwrap()).collect();
        for _ in 0..SCANS {
            plan.search("首台").unwrap();
        }
        assert!(plan.search_index().trigrams.get().is_some());
        for (phrase, hits) in phrases.iter().zip(&scanned) {
            assert_eq!(&plan.search(phrase).unwrap(), hits, "{phrase}");
        }
        assert!(scanned.iter().filter(|hits| !hits.is_empty()).count() >= 7);
    }
}
