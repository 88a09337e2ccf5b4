//! The search index of a plan: every searchable string of it, and where each sequence of
//! three bytes occurs. Built on the first search; a plan never changes, so it never goes
//! stale. A search looks only at the strings that hold the rarest three bytes of its phrase,
//! and matches those with the same [`Needle`] a scan would use.

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

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct SearchIndex {
    /// Every searchable string, in the order of the hits of a search.
    entries: Vec<Entry>,
    /// For each three bytes (ASCII letters lowercased), the entries that hold them, in order,
    /// each once.
    trigrams: FxHashMap<[u8; 3], Vec<u32>>,
}

/// The three-byte sequences of `text`, ASCII letters lowercased, as search compares them.
fn trigrams(text: &[u8]) -> impl Iterator<Item = [u8; 3]> + '_ {
    text.windows(3).filter_map(|w| {
        let key: [u8; 3] = w.try_into().ok()?;
        Some(key.map(|b| b.to_ascii_lowercase()))
    })
}

impl SearchIndex {
    /// Every text of `data` in both languages, then the document numbers (people search
    /// for them too, though they are not texts of two languages).
    pub(crate) fn build(data: &PlanData) -> Self {
        let mut entries = Vec::new();
        data.visit_texts(|text| {
            for (language, content) in
                [(Language::Zh, &text.text.zh), (Language::En, &text.text.en)]
            {
                entries.push(Entry {
                    item: text.item,
                    field: text.field_name(),
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
        let mut index: FxHashMap<[u8; 3], Vec<u32>> = FxHashMap::default();
        for (at, entry) in entries.iter().enumerate() {
            let Ok(at) = u32::try_from(at) else { break };
            for key in trigrams(entry.text.as_bytes()) {
                let postings = index.entry(key).or_default();
                if postings.last() != Some(&at) {
                    postings.push(at);
                }
            }
        }
        Self {
            entries,
            trigrams: index,
        }
    }

    /// The entries that hold `phrase` (as `needle` matches it), in order, with a snippet of
    /// each match.
    pub(crate) fn find<'a>(
        &'a self,
        phrase: &str,
        needle: &Needle<'_>,
    ) -> Vec<(&'a Entry, String)> {
        let phrase = phrase.trim().as_bytes();
        let rarest = trigrams(phrase)
            .map(|key| self.trigrams.get(&key).map_or(&[][..], Vec::as_slice))
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
            .filter_map(|entry| needle.snippet(&entry.text).map(|snippet| (entry, snippet)))
            .collect()
    }
}
