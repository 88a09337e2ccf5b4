//! How a plan is searched. Its first search scans every string of it, building nothing; the
//! second builds its index, every searchable string and where each sequence of three bytes
//! occurs, and uses it. A plan never changes, so the index never goes stale. An indexed search
//! looks only at the strings that hold the rarest three bytes of its phrase. Both match with
//! the same [`Needle`] and find the same hits in the same order.
//!
//! For the Wulong plan a scan takes about 10 µs, building the index about 0.6 ms (some sixty
//! scans), and an indexed search about 0.6 µs; the index takes about 130 KB, less than the
//! plan (167 KB). So a plan searched once (a command-line search, a page's first) builds
//! nothing; a plan searched twice is taken for one that will be searched many times, and pays
//! for its index on its second search (a corpus of 3,000 plans: about 2 s and 415 MB, once).
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
    /// ascending: a sequence's place here is its slot. Under half the memory of a hash map,
    /// and a search looks up only the few sequences of its phrase.
    keys: Vec<u32>,
    /// Where each slot's entries start in `postings`, and after the last slot where they end.
    starts: Vec<u32>,
    /// The entries that hold each slot's three bytes, ascending, each once, written as
    /// [`Postings`] reads them: one list for all slots, so that indexing allocates once. At
    /// most five bytes for each sequence of a text, and a plan is at most
    /// [`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES), so a `u32` reaches past its end.
    postings: Vec<u8>,
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
        entries.shrink_to_fit();
        texts.shrink_to_fit();
        // One pass over the texts, which hashes each occurrence of a sequence once: the
        // sequence's slot in order of first occurrence, and the slots each entry holds (`held`,
        // entry after entry), each once however often it occurs.
        let mut slots: HashMap<u32, u32> = HashMap::default();
        // Per slot: the last entry that holds it (counted from one), and the bytes its list takes.
        let mut sizes: Vec<(u32, u32)> = Vec::new();
        let mut held: Vec<u32> = Vec::new();
        let mut ends: Vec<usize> = Vec::with_capacity(entries.len());
        for (at, entry) in (1..).zip(&entries) {
            for key in trigrams(texts.as_bytes().get(entry.text.clone()).unwrap_or_default()) {
                let next = u32::try_from(sizes.len()).unwrap_or(u32::MAX);
                let slot = *slots.entry(key).or_insert(next);
                if slot == next {
                    sizes.push((0, 0));
                }
                if let Some((last, bytes)) = sizes.get_mut(slot as usize)
                    && *last != at
                {
                    (*last, *bytes) = (at, *bytes + Postings::width(at - *last));
                    held.push(slot);
                }
            }
            ends.push(held.len());
        }
        // The sequences in ascending order: a slot's place among them is its number from here on.
        let mut keys: Vec<(u32, u32)> = slots.into_iter().collect();
        keys.sort_unstable();
        let mut places = vec![0_u32; keys.len()];
        for (at, &(_, slot)) in (0..).zip(&keys) {
            if let Some(place) = places.get_mut(slot as usize) {
                *place = at;
            }
        }
        for slot in &mut held {
            *slot = places.get(*slot as usize).copied().unwrap_or_default();
        }
        // Then each entry in its slots' lists, which `starts` sizes exactly.
        let mut starts = Vec::with_capacity(keys.len() + 1);
        let mut total = 0;
        for &(_, slot) in &keys {
            starts.push(total);
            total += sizes.get(slot as usize).map_or(0, |&(_, bytes)| bytes);
        }
        starts.push(total);
        // Per slot: where its list goes on, and the last entry written (counted from one).
        let mut written: Vec<(u32, u32)> = starts.iter().map(|&start| (start, 0)).collect();
        let mut postings = vec![0; total as usize];
        let mut from = 0;
        for (at, end) in (1..).zip(ends) {
            for &slot in held.get(from..end).unwrap_or_default() {
                if let Some((next, last)) = written.get_mut(slot as usize) {
                    *next = Postings::write(&mut postings, *next, at - *last);
                    *last = at;
                }
            }
            from = end;
        }
        Self {
            entries,
            texts,
            // Collected anew, not in place, which would keep twice the room.
            keys: keys.iter().map(|&(key, _)| key).collect(),
            starts,
            postings,
        }
    }

    /// The entries that hold the three bytes `key`, ascending.
    fn postings_of(&self, key: u32) -> Postings<'_> {
        let list = self.keys.binary_search(&key).ok().and_then(|slot| {
            let start = *self.starts.get(slot)? as usize;
            let end = *self.starts.get(slot + 1)? as usize;
            self.postings.get(start..end)
        });
        Postings {
            bytes: list.unwrap_or_default(),
            entry: 0,
        }
    }

    /// The entries that hold `needle`'s phrase, in order.
    fn find(&self, needle: &Needle<'_>) -> Vec<Found> {
        // The sequence held by fewest entries, near enough: the shortest list.
        let rarest = trigrams(needle.phrase())
            .map(|key| self.postings_of(key))
            .min_by_key(|postings| postings.bytes.len());
        let candidates: Box<dyn Iterator<Item = &Entry>> = match rarest {
            Some(postings) => Box::new(postings.filter_map(|at| self.entries.get(at as usize))),
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

/// The entries of one slot, ascending: each written as its distance from the one before,
/// counting entries from one (so the first is its distance from zero, and none is zero),
/// seven bits to a byte, low bits first, the high bit set on every byte but the last. Most
/// entries are near the one before, so most take one byte, a quarter of a `u32`; the
/// farthest take five.
#[derive(Debug)]
struct Postings<'a> {
    bytes: &'a [u8],
    /// The entry read last, counted from one.
    entry: u32,
}

impl Postings<'_> {
    /// The bytes a distance takes.
    fn width(distance: u32) -> u32 {
        (32 - (distance | 1).leading_zeros()).div_ceil(7)
    }

    /// Writes `distance` into `postings` at `at`, and returns where the list goes on.
    fn write(postings: &mut [u8], mut at: u32, mut distance: u32) -> u32 {
        loop {
            #[allow(clippy::cast_possible_truncation, reason = "seven bits")]
            let low = (distance & 0x7f) as u8;
            distance >>= 7;
            if let Some(byte) = postings.get_mut(at as usize) {
                *byte = if distance == 0 { low } else { low | 0x80 };
            }
            at += 1;
            if distance == 0 {
                return at;
            }
        }
    }
}

impl Iterator for Postings<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let mut distance = 0;
        for shift in (0..32).step_by(7) {
            let (&byte, rest) = self.bytes.split_first()?;
            self.bytes = rest;
            distance |= u32::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                break;
            }
        }
        self.entry += distance;
        // Entries are counted from one.
        self.entry.checked_sub(1)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::sync::LazyLock;

    use super::{Postings, SearchIndex, Searches, trigrams};
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

    /// The Wulong plan, its index built, and its searchable strings.
    fn indexed_wulong() -> &'static (Plan, Searches, Vec<String>) {
        static INDEXED: LazyLock<(Plan, Searches, Vec<String>)> = LazyLock::new(|| {
            let plan = Plan::from_json(crate::WULONG_JSON).unwrap();
            let searches = Searches::default();
            searches.find(plan.data(), &Needle::new("首台"));
            searches.find(plan.data(), &Needle::new("首台"));
            assert!(searches.indexed());
            let mut texts = Vec::new();
            super::strings(plan.data(), |_, _, _, text| texts.push(text.to_string()));
            (plan, searches, texts)
        });
        &INDEXED
    }

    /// Each sequence lists exactly the strings that hold it, ascending, and the lists fill
    /// `postings` end to end.
    #[test]
    fn every_sequence_lists_exactly_the_strings_that_hold_it() {
        let (plan, _, texts) = indexed_wulong();
        let index = SearchIndex::build(plan.data());
        assert!(index.keys.is_sorted_by(|a, b| a < b));
        assert_eq!(index.starts.len(), index.keys.len() + 1);
        assert!(index.starts.is_sorted());
        assert_eq!(
            index.starts.last().map(|&end| end as usize),
            Some(index.postings.len())
        );
        let held: Vec<HashSet<u32>> = texts
            .iter()
            .map(|text| trigrams(text.as_bytes()).collect())
            .collect();
        for &key in &index.keys {
            let holding: Vec<u32> = (0..)
                .zip(&held)
                .filter(|(_, keys)| keys.contains(&key))
                .map(|(at, _)| at)
                .collect();
            assert_eq!(
                index.postings_of(key).collect::<Vec<_>>(),
                holding,
                "{key:x}"
            );
        }
        assert_eq!(
            index
                .postings_of(u32::from_le_bytes(*b"\xff\xff\xff\0"))
                .count(),
            0
        );
    }

    /// What the index of the Wulong plan holds on the heap: 268 KB when its lists were of
    /// `u32` and its sequences in a hash map, 134 KB since (on 64-bit targets).
    #[test]
    fn the_index_stays_compact() {
        let (plan, _, _) = indexed_wulong();
        let index = SearchIndex::build(plan.data());
        let bytes = index.entries.capacity() * std::mem::size_of::<super::Entry>()
            + index.texts.capacity()
            + (index.keys.capacity() + index.starts.capacity()) * std::mem::size_of::<u32>()
            + index.postings.capacity();
        assert!(bytes < 140_000, "{bytes} bytes");
    }

    /// A list of entries, written as the index writes one.
    fn written(entries: &[u32]) -> Vec<u8> {
        let (mut last, mut bytes) = (0, 0);
        for &entry in entries {
            bytes += Postings::width(entry + 1 - last);
            last = entry + 1;
        }
        let mut postings = vec![0; bytes as usize];
        let (mut at, mut last) = (0, 0);
        for &entry in entries {
            at = Postings::write(&mut postings, at, entry + 1 - last);
            last = entry + 1;
        }
        assert_eq!(at, bytes);
        postings
    }

    fn read(postings: &[u8]) -> Vec<u32> {
        Postings {
            bytes: postings,
            entry: 0,
        }
        .collect()
    }

    #[test]
    fn a_near_entry_takes_one_byte_and_the_farthest_five() {
        let entries = [0, 1, 5, 126, 254, 16_638, u32::MAX - 1];
        let postings = written(&entries);
        assert_eq!(postings.get(..5), Some(&[1, 1, 4, 121, 0x80][..]));
        assert_eq!(postings.len(), 4 + 2 + 3 + 5);
        assert_eq!(read(&postings), entries);
    }

    proptest::proptest! {
        /// Entries read back as they were written, near or far apart.
        #[test]
        fn postings_read_back_as_written(
            gaps in proptest::collection::vec(
                proptest::prop_oneof![1u32..128, 128u32..16_384, 16_384u32..=u32::MAX],
                0..40,
            )
        ) {
            let entries: Vec<u32> = gaps
                .iter()
                .scan(None::<u32>, |last, &gap| {
                    let entry = last.map_or(Some(gap - 1), |last| last.checked_add(gap))?;
                    *last = Some(entry);
                    (entry < u32::MAX).then_some(entry)
                })
                .collect();
            proptest::prop_assert_eq!(read(&written(&entries)), entries);
        }

        /// The index finds what a scan finds, for any part of any of the plan's strings, and
        /// for that part changed (a character added, the case of its letters swapped), which
        /// may be nowhere.
        #[test]
        fn the_index_finds_what_a_scan_finds_for_any_phrase(
            string in proptest::arbitrary::any::<proptest::sample::Index>(),
            start in 0usize..200,
            length in 1usize..12,
            changed in proptest::bool::ANY,
        ) {
            let (plan, searches, texts) = indexed_wulong();
            let text = &texts[string.index(texts.len())];
            let start = start % text.chars().count().max(1);
            let mut phrase: String = text.chars().skip(start).take(length).collect();
            if changed {
                phrase = phrase
                    .chars()
                    .map(|c| if c.is_ascii_lowercase() { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
                    .chain(['台'])
                    .collect();
            }
            let phrase = phrase.trim();
            if !phrase.is_empty() {
                let scanned = Searches::default().find(plan.data(), &Needle::new(phrase));
                proptest::prop_assert!(changed || !scanned.is_empty());
                let indexed = searches.find(plan.data(), &Needle::new(phrase));
                proptest::prop_assert_eq!(indexed, scanned);
            }
        }
    }
}
