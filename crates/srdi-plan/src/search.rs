//! How a plan is searched. Its first search scans every string of it, building nothing; the
//! second builds its index, every searchable string and where each sequence of three bytes
//! occurs, and uses it. A plan never changes, so the index never goes stale. An indexed search
//! looks only at the strings that hold the rarest three bytes of its phrase. Both match with
//! the same [`Needle`] and find the same hits in the same order.
//!
//! For the Wulong plan a scan takes about 10 µs, building the index about 0.4 ms (about forty
//! scans), and an indexed search about 0.6 µs. So a plan searched once (a command-line
//! search, a page's first) builds nothing; a plan searched twice is taken for one that will
//! be searched many times, and pays for its index on its second search (a corpus of 3,000
//! plans: about 1.5 s, once).
use std::ops::Range;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use foldhash::HashMap;

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
                found.push(Found {
                    item,
                    field: field.name(),
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
#[derive(Debug, Clone, Copy)]
enum Field {
    /// A text, in one of its languages: its field and position, as [`TextRef`] has them.
    Text {
        field: &'static str,
        position: Option<usize>,
    },
    /// A document number: people search for them too, though they are not texts of two
    /// languages.
    Number,
}

impl Field {
    fn of(text: TextRef<'_>) -> Self {
        Self::Text {
            field: text.field,
            position: text.position,
        }
    }

    /// The field as a hit names it ([`TextRef::field_name`], `number` for document numbers).
    fn name(self) -> String {
        match self {
            Self::Text { field, position } => crate::texts::field_name(field, position),
            Self::Number => "number".to_owned(),
        }
    }
}

/// Calls `visit` with every searchable string of `data`, in the order of a search's hits:
/// every text in Chinese then in English, then the document numbers.
fn strings<'a>(data: &'a PlanData, mut visit: impl FnMut(ItemRef, Field, Language, &'a Str)) {
    data.visit_texts(|text| {
        visit(text.item, Field::of(text), Language::Zh, &text.text.zh);
        visit(text.item, Field::of(text), Language::En, &text.text.en);
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
    field: Field,
    language: Language,
    /// Where the string stands in [`SearchIndex::texts`].
    text: Range<usize>,
}

#[derive(Debug, Clone)]
struct SearchIndex {
    /// Every searchable string, in the order of [`strings`].
    entries: Vec<Entry>,
    /// The entries' strings, one after another: one copy, not one per string.
    texts: String,
    /// Each three bytes (ASCII letters lowercased, see [`trigrams`]) that some entry holds,
    /// by its slot: numbered in order of first occurrence.
    slots: HashMap<u32, u32>,
    /// Where each slot's entries start in `postings`, and after the last slot where they end.
    starts: Vec<u32>,
    /// The entries that hold each slot's three bytes, in order, each once: one list for all
    /// of them, so that indexing allocates once, not once per sequence.
    postings: Vec<u32>,
}

/// The three-byte sequences of `text` that start a character, ASCII letters lowercased, as
/// search compares them, each as one number (a cheap key to hash). A match starts on a
/// character boundary (see [`Needle`]), so each such sequence of a phrase is one of its
/// text's; skipping those that start inside a character keeps a third of a Chinese text's,
/// and far fewer distinct ones.
fn trigrams(text: &[u8]) -> impl Iterator<Item = u32> + '_ {
    text.windows(3).filter_map(|w| {
        let &[a, b, c] = w else { return None };
        let continuation = a & 0b1100_0000 == 0b1000_0000;
        let key = [a, b, c, 0].map(|byte| byte.to_ascii_lowercase());
        (!continuation).then(|| u32::from_le_bytes(key))
    })
}

impl SearchIndex {
    fn build(data: &PlanData) -> Self {
        let (mut entries, mut texts) = (Vec::new(), String::new());
        strings(data, |item, field, language, text| {
            let start = texts.len();
            texts.push_str(text);
            entries.push(Entry {
                item,
                field,
                language,
                text: start..texts.len(),
            });
        });
        // One pass over the texts, which hashes each sequence once: its slot, and the slots
        // each entry holds (`held`, entry after entry), each once however often it occurs.
        let mut slots: HashMap<u32, u32> = HashMap::default();
        // Per slot: how many entries hold it, and the last of them (plus one).
        let mut counts: Vec<(u32, u32)> = Vec::new();
        let mut held: Vec<u32> = Vec::new();
        let mut ends: Vec<usize> = Vec::with_capacity(entries.len());
        for (at, entry) in (1..).zip(&entries) {
            for key in trigrams(texts.as_bytes().get(entry.text.clone()).unwrap_or_default()) {
                let next = u32::try_from(counts.len()).unwrap_or(u32::MAX);
                let slot = *slots.entry(key).or_insert(next);
                if slot == next {
                    counts.push((0, 0));
                }
                if let Some((count, last)) = counts.get_mut(slot as usize)
                    && *last != at
                {
                    (*count, *last) = (*count + 1, at);
                    held.push(slot);
                }
            }
            ends.push(held.len());
        }
        // Then each entry in its slots' lists, which `starts` sizes exactly.
        let mut starts = Vec::with_capacity(counts.len() + 1);
        let mut total = 0;
        for &(count, _) in &counts {
            starts.push(total);
            total += count;
        }
        starts.push(total);
        let mut filled: Vec<u32> = starts.clone();
        let mut postings = vec![0; total as usize];
        let mut from = 0;
        for (at, end) in (0..).zip(ends) {
            for &slot in held.get(from..end).unwrap_or_default() {
                if let Some(next) = filled.get_mut(slot as usize)
                    && let Some(free) = postings.get_mut(*next as usize)
                {
                    *free = at;
                    *next += 1;
                }
            }
            from = end;
        }
        Self {
            entries,
            texts,
            slots,
            starts,
            postings,
        }
    }

    /// The entries that hold the three bytes `key`, in order.
    fn postings_of(&self, key: u32) -> &[u32] {
        let Some(&slot) = self.slots.get(&key) else {
            return &[];
        };
        let range = |slot: u32| self.starts.get(slot as usize).map(|&at| at as usize);
        match (range(slot), range(slot + 1)) {
            (Some(start), Some(end)) => self.postings.get(start..end).unwrap_or_default(),
            _ => &[],
        }
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
                let snippet = needle.snippet(self.texts.get(entry.text.clone())?)?;
                Some(Found {
                    item: entry.item,
                    field: entry.field.name(),
                    language: entry.language,
                    snippet,
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
