//! How a plan is searched. Its first search scans every string of it, building nothing; the
//! second builds its index, every searchable string and where each sequence of three bytes
//! occurs, and uses it. A plan never changes, so the index never goes stale. An indexed search
//! looks only at the strings that hold the rarest three bytes of its phrase. Both match with
//! the same [`Needle`] and find the same hits in the same order.
//!
//! For the Wulong plan a scan takes about 10 µs, building the index about 0.75 ms (about a
//! hundred scans), and an indexed search about 0.5 µs. So a plan searched once (a
//! command-line search, a page's first) builds nothing; a plan searched twice is taken for
//! one that will be searched many times, and pays for its index on its second search (a
//! corpus of 3,000 plans: about 2 s, once).
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use rustc_hash::FxHashMap;

use crate::answer::Language;
use crate::model::{PlanData, Str};
use crate::query::Needle;
use crate::refs::{EntityRef, ItemRef};
use crate::texts::TextRef;

/// One string that holds the phrase searched for.
#[derive(Debug)]
#[cfg_attr(test, derive(PartialEq, Eq))]
pub(crate) struct Found {
    pub(crate) item: ItemRef,
    /// The field as [`crate::TextRef::field_name`] names it (`number` for document numbers).
    pub(crate) field: String,
    pub(crate) language: Language,
    /// The match with some context (see [`Needle::snippet`]).
    pub(crate) snippet: String,
}

/// A plan's searches: whether it has been searched, and its index once it is built.
#[derive(Debug, Default)]
pub(crate) struct Searches {
    searched: AtomicBool,
    index: OnceLock<SearchIndex>,
}

/// A cache of the plan: a copy starts with what the original has seen and built.
impl Clone for Searches {
    fn clone(&self) -> Self {
        Self {
            searched: AtomicBool::new(self.searched.load(Ordering::Relaxed)),
            index: self.index.clone(),
        }
    }
}

impl Searches {
    /// The strings of `data` that hold `needle`'s phrase, in the order of [`strings`].
    pub(crate) fn find(&self, data: &PlanData, needle: &Needle<'_>) -> Vec<Found> {
        let index = match self.index.get() {
            Some(index) => Some(index),
            None if self.searched.swap(true, Ordering::Relaxed) => {
                Some(self.index.get_or_init(|| SearchIndex::build(data)))
            }
            None => None,
        };
        if let Some(index) = index {
            return index.find(needle);
        }
        let mut found = Vec::new();
        strings(data, |item, field, language, text| {
            if let Some(snippet) = needle.snippet(text) {
                let field = field.name();
                found.push(Found {
                    item,
                    field,
                    language,
                    snippet,
                });
            }
        });
        found
    }

    #[cfg(test)]
    fn indexed(&self) -> bool {
        self.index.get().is_some()
    }
}

/// Where a searchable string stands in its item.
#[derive(Clone, Copy)]
enum Field<'a> {
    /// A text, in one of its languages.
    Text(TextRef<'a>),
    /// A document number: people search for them too, though they are not texts of two
    /// languages.
    Number,
}

impl Field<'_> {
    fn name(self) -> String {
        match self {
            Self::Text(text) => text.field_name(),
            Self::Number => "number".to_owned(),
        }
    }
}

/// Calls `visit` with every searchable string of `data`, in the order of a search's hits:
/// every text in Chinese then in English, then the document numbers.
fn strings<'a>(data: &'a PlanData, mut visit: impl FnMut(ItemRef, Field<'a>, Language, &'a Str)) {
    data.visit_texts(|text| {
        visit(text.item, Field::Text(text), Language::Zh, &text.text.zh);
        visit(text.item, Field::Text(text), Language::En, &text.text.en);
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
            visit(item, Field::Number, Language::Zh, number);
        }
    }
}

/// One searchable string, as the index keeps it.
#[derive(Debug, Clone)]
struct Entry {
    item: ItemRef,
    field: String,
    language: Language,
    text: Str,
}

#[derive(Debug, Clone)]
struct SearchIndex {
    /// Every searchable string, in the order of [`strings`].
    entries: Vec<Entry>,
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
    fn build(data: &PlanData) -> Self {
        let mut entries = Vec::new();
        strings(data, |item, field, language, text| {
            entries.push(Entry {
                item,
                field: field.name(),
                language,
                text: text.clone(),
            });
        });
        // Two passes, so that the postings take one allocation, exactly sized: first how
        // many entries hold each sequence (the pair is the last entry counted, plus one, and
        // the count), then each entry in its sequences' places. An entry holds a sequence as
        // often as it occurs, but is counted and placed once: its occurrences come together.
        let mut places: FxHashMap<[u8; 3], (u32, u32)> = FxHashMap::default();
        for (at, entry) in (1..).zip(&entries) {
            for key in trigrams(entry.text.as_bytes()) {
                let (last, count) = places.entry(key).or_default();
                if *last != at {
                    (*last, *count) = (at, *count + 1);
                }
            }
        }
        let mut total = 0;
        for (start, count) in places.values_mut() {
            (*start, total) = (total, total + *count);
            *count = 0;
        }
        let mut postings = vec![0; total as usize];
        for (at, entry) in (0..).zip(&entries) {
            for key in trigrams(entry.text.as_bytes()) {
                let Some((start, count)) = places.get_mut(&key) else {
                    continue;
                };
                // The entry's place comes after those of the entries before it; a repeat of
                // the sequence in the same entry finds the entry already placed.
                let so_far = *start as usize..=(*start + *count) as usize;
                match postings.get_mut(so_far).unwrap_or_default() {
                    [.., last, _] if *last == at => {}
                    [.., free] => {
                        *free = at;
                        *count += 1;
                    }
                    [] => {}
                }
            }
        }
        debug_assert_eq!(places.values().map(|p| p.1).sum::<u32>(), total);
        Self {
            entries,
            places,
            postings,
        }
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

    /// The entries that hold `needle`'s phrase, in order.
    fn find(&self, needle: &Needle<'_>) -> Vec<Found> {
        let rarest = trigrams(needle.phrase())
            .map(|key| self.postings_of(key))
            .min_by_key(|postings| postings.len());
        let candidates: Box<dyn Iterator<Item = &Entry>> = match rarest {
            Some(postings) => Box::new(
                postings
                    .iter()
                    .filter_map(|&at| self.entries.get(at as usize)),
            ),
            // Fewer than three bytes: every string.
            None => Box::new(self.entries.iter()),
        };
        candidates
            .filter_map(|entry| {
                Some(Found {
                    item: entry.item,
                    field: entry.field.clone(),
                    language: entry.language,
                    snippet: needle.snippet(&entry.text)?,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::Searches;
    use crate::plan::Plan;
    use crate::query::Needle;

    /// A scan and the index find the same strings, in the same order, whatever the phrase.
    #[test]
    fn the_index_finds_what_a_scan_finds() {
        let phrases = [
            "首台",
            "专精特新",
            "小巨人",
            "LITTLE GIANT",
            "Little Giant",
            " loan ",
            "loan",
            "é",
            "渝府办发〔2022〕23号",
            "区",
            "a",
            "no such phrase",
        ];
        let plan = Plan::from_json(crate::WULONG_JSON).unwrap();
        let searches = Searches::default();
        let find = |phrase| searches.find(plan.data(), &Needle::new(phrase));
        find("首台");
        let mut scanned = Vec::new();
        for phrase in phrases {
            let fresh = Searches::default();
            scanned.push(fresh.find(plan.data(), &Needle::new(phrase)));
            assert!(!fresh.indexed());
        }
        for (phrase, found) in phrases.iter().zip(&scanned) {
            assert_eq!(&find(phrase), found, "{phrase}");
            assert!(searches.indexed());
        }
        assert!(scanned.iter().filter(|found| !found.is_empty()).count() >= 7);
    }
}
