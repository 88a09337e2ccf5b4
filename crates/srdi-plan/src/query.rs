//! Names resolved once and filters typed: the inputs of the questions in
//! [`answer`](crate::answer).
//!
//! Names are resolved leniently (a unit by id, printed short name or English name; quotation
//! marks, spaces and case set aside) and strictly: a name that matches nothing is a
//! [`QueryError::UnknownName`] with the closest valid names, never an empty answer.

use serde::{Deserialize, Serialize};

use crate::answer::NameKind;
use crate::error::QueryError;
use crate::instrument::Instrument;
use crate::model::Text;
use crate::plan::Plan;
use crate::refs::{EntityRef, ItemRef, MechanismRef, SectionRef, TargetRef, TaskRef, UnitRef};

/// A filter over tasks. Every field that is set must match; an empty filter matches all.
///
/// Deserializes from an object of the same fields (unknown ones rejected), so a binding can
/// read a filter straight from its language's options object.
///
/// ```
/// use srdi_plan::TaskFilter;
/// let plan = srdi_plan::wulong();
/// let filter = TaskFilter { unit: Some("区财政局".into()), ..TaskFilter::default() };
/// let numbers: Vec<u16> = plan.tasks(&filter).unwrap().iter().map(|t| t.task.number).collect();
/// assert_eq!(numbers, [11, 12, 13, 14, 15, 16, 17, 18, 19, 28, 29, 30, 31, 32]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct TaskFilter {
    /// A responsible unit: id, printed short name or English name (any case).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// A section number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<i64>,
    /// An instrument, e.g. `loan` or `listing_support`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instrument: Option<String>,
    /// A tier, group or defined term: id or name. A defined term covers everything it stands
    /// for (“专精特新”企业: three tiers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier: Option<String>,
    /// A phrase in the task's Chinese or English text (English: any case).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// A filter over support measures: the tier (or defined term) they reach and their instrument.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct MeasureFilter {
    /// A tier or defined term the measure must reach: id or name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier: Option<String>,
    /// An instrument, e.g. `reward`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instrument: Option<String>,
}

impl Plan {
    /// A unit by id, printed short name (`区财政局`) or English name (any case).
    ///
    /// ```
    /// let plan = srdi_plan::wulong();
    /// let unit = plan.find_unit("district finance bureau").unwrap();
    /// assert_eq!(plan.get(unit).unwrap().name.zh, "区财政局");
    /// let error = plan.find_unit("区财政").unwrap_err();
    /// assert_eq!(error.suggestions()[0], "区财政局");
    /// ```
    ///
    /// # Errors
    ///
    /// [`QueryError::UnknownName`] with the closest names if nothing matches.
    pub fn find_unit(&self, name: &str) -> Result<UnitRef, QueryError> {
        let units = &self.data().units;
        let position = position_called(units.iter().map(|u| (&*u.id, &u.name)), name);
        position.map(UnitRef::new).ok_or_else(|| {
            let names = units.iter().map(|u| preferred_name(name, &u.name));
            unknown(NameKind::Unit, name, names)
        })
    }

    /// The tiers and groups a tier, group or defined term stands for, by id or name. A
    /// defined term gives everything it stands for; the quotation marks may be left out.
    ///
    /// ```
    /// let plan = srdi_plan::wulong();
    /// assert_eq!(plan.find_group("专精特新企业").unwrap().len(), 3);
    /// let srdi_plan::ItemRef::Tier(giant) = plan.find_group("little-giant").unwrap()[0] else {
    ///     unreachable!()
    /// };
    /// assert_eq!(plan.get(giant).unwrap().rank, 3);
    /// ```
    ///
    /// # Errors
    ///
    /// [`QueryError::UnknownName`] with the closest names if nothing matches.
    pub fn find_group(&self, name: &str) -> Result<Vec<ItemRef>, QueryError> {
        // An id, as profiles give them, without comparing names.
        if let Some(ItemRef::Tier(_) | ItemRef::Group(_) | ItemRef::Term(_)) = self.item(name) {
            return Ok(self.members_of(name));
        }
        let data = self.data();
        // One search over all three, so that an exact name in any of them wins over a loose
        // one; among equals, tiers come before groups, and groups before terms.
        let called = data
            .tiers
            .iter()
            .map(|t| (&*t.id, &t.name))
            .chain(data.groups.iter().map(|g| (&*g.id, &g.name)))
            .chain(data.defined_terms.iter().map(|t| (&*t.id, &t.term)));
        let found = position_called(called.clone(), name).and_then(|at| called.clone().nth(at));
        if let Some((id, _)) = found {
            return Ok(self.members_of(id));
        }
        let tiers = data.tiers.iter().map(|t| preferred_name(name, &t.name));
        let groups = data.groups.iter().map(|g| preferred_name(name, &g.name));
        let terms = data
            .defined_terms
            .iter()
            .map(|t| preferred_name(name, &t.term));
        Err(unknown_of_few(
            NameKind::Tier,
            name,
            tiers.chain(groups).chain(terms),
        ))
    }

    /// An entity by id or printed name.
    ///
    /// # Errors
    ///
    /// [`QueryError::UnknownName`] if nothing matches.
    pub fn find_entity(&self, name: &str) -> Result<EntityRef, QueryError> {
        let entities = &self.data().entities;
        let position = position_called(entities.iter().map(|e| (&*e.id, &e.name)), name);
        position.map(EntityRef::new).ok_or_else(|| {
            let names = entities
                .iter()
                .flat_map(|e| [e.id.as_ref(), e.name.zh.as_ref()]);
            unknown(NameKind::Entity, name, names)
        })
    }

    /// A goal or task-level target by id (`goal-2`, `task-8-t1`); a bare number means a goal.
    ///
    /// # Errors
    ///
    /// [`QueryError::UnknownName`] if no target has that id.
    pub fn find_target(&self, id: &str) -> Result<TargetRef, QueryError> {
        let by_number = || {
            let number: usize = id.parse().ok()?;
            let position = number.checked_sub(1)?;
            (position < self.data().goals.len()).then(|| TargetRef::goal(position))
        };
        match self.item(id) {
            Some(ItemRef::Target(target)) => Ok(target),
            _ => by_number().ok_or_else(|| {
                let ids: Vec<String> = self
                    .target_refs()
                    .map(|t| self.id_of(ItemRef::Target(t)))
                    .collect();
                unknown(NameKind::Target, id, ids.iter().map(String::as_str))
            }),
        }
    }

    /// The task numbered `number` (in `section`, if the plan numbers tasks per section; a
    /// number that only one section has needs none).
    ///
    /// # Errors
    ///
    /// [`QueryError::UnknownName`], naming the valid range, if there is no such task or
    /// section; [`QueryError::InvalidArgument`] if several sections have a task of that
    /// number and none is given, or if a number is beyond any item's (see
    /// [`LARGEST_NUMBER`]).
    pub fn find_task(&self, section: Option<i64>, number: i64) -> Result<TaskRef, QueryError> {
        // A section that does not exist is wrong whatever the numbering, as in `tasks()`.
        let section = match section {
            Some(number) => Some(self.get(self.find_section(number)?).map_or(0, |s| s.number)),
            None => None,
        };
        let found = u16::try_from(number)
            .ok()
            .and_then(|number| self.task_numbered(section, number));
        if let Some(at) = found {
            return Ok(at);
        }
        let in_section = |t: &crate::Task| section.is_none_or(|s| t.section == s);
        let numbered = || {
            let tasks = self.task_refs().zip(self.data().tasks.iter());
            tasks.filter(move |(_, t)| in_section(t) && i64::from(t.number) == number)
        };
        match (numbered().next(), numbered().nth(1)) {
            (Some((at, _)), None) => Ok(at),
            (Some(_), Some(_)) => {
                let mut sections: Vec<String> =
                    numbered().map(|(_, t)| t.section.to_string()).collect();
                let last = sections.pop().unwrap_or_default();
                Err(QueryError::InvalidArgument(format!(
                    "tasks are numbered per section, and sections {} and {last} each have a \
                     task {number}: give the section",
                    sections.join(", ")
                )))
            }
            (None, _) => {
                let numbers = self
                    .data()
                    .tasks
                    .iter()
                    .filter(|t| in_section(t))
                    .map(|t| t.number);
                Err(unknown_number(NameKind::Task, number, numbers))
            }
        }
    }

    /// The task a question names ([`Query::Task`](crate::Query::Task)): by `number` (in
    /// `section`, as [`Plan::find_task`]), or by `id` alone (as [`Plan::find_task_id`]).
    ///
    /// # Errors
    ///
    /// As those two; [`QueryError::InvalidArgument`] for both a number and an id, a section
    /// with an id, or neither.
    pub fn find_task_by(
        &self,
        number: Option<i64>,
        section: Option<i64>,
        id: Option<&str>,
    ) -> Result<TaskRef, QueryError> {
        match (number, id) {
            (Some(number), None) => self.find_task(section, number),
            (None, Some(id)) if section.is_none() => self.find_task_id(id),
            _ => Err(QueryError::InvalidArgument(
                "ask for a task by its number (and section), or by its id alone".into(),
            )),
        }
    }

    /// The task of `id` (`task-28`, `task-2-1`), as answers name it.
    ///
    /// # Errors
    ///
    /// [`QueryError::InvalidArgument`] if `id` is not an id at all (`28`, `""`), as a command
    /// line refuses it; [`QueryError::UnknownName`], with the closest task ids, if no task
    /// has it.
    pub fn find_task_id(&self, id: &str) -> Result<TaskRef, QueryError> {
        if let Some(ItemRef::Task(at)) = self.item(id) {
            return Ok(at);
        }
        if !crate::is_id(id) {
            return Err(QueryError::InvalidArgument(format!(
                "`{id}` is neither a task number nor a task id (`task-28`)"
            )));
        }
        let ids = self.task_refs().map(|at| self.task_id(at));
        Err(unknown(NameKind::Task, id, ids))
    }

    /// The section numbered `number`.
    ///
    /// # Errors
    ///
    /// [`QueryError::UnknownName`], naming the valid range, if there is no such section;
    /// [`QueryError::InvalidArgument`] for a number beyond any item's ([`LARGEST_NUMBER`]).
    pub fn find_section(&self, number: i64) -> Result<SectionRef, QueryError> {
        let found = u16::try_from(number)
            .ok()
            .and_then(|n| self.section_numbered(n));
        found.ok_or_else(|| {
            let numbers = self.data().sections.iter().map(|s| s.number);
            unknown_number(NameKind::Section, number, numbers)
        })
    }

    /// The mechanism numbered `number`.
    ///
    /// # Errors
    ///
    /// [`QueryError::UnknownName`], naming the valid range, if there is no such mechanism;
    /// [`QueryError::InvalidArgument`] for a number beyond any item's ([`LARGEST_NUMBER`]).
    pub fn find_mechanism(&self, number: i64) -> Result<MechanismRef, QueryError> {
        let found = u16::try_from(number)
            .ok()
            .and_then(|n| self.mechanism_numbered(n));
        found.ok_or_else(|| {
            let numbers = self.data().mechanisms.iter().map(|m| m.number);
            unknown_number(NameKind::Mechanism, number, numbers)
        })
    }
}

/// An instrument by its `snake_case` name; `-`, spaces and case are forgiven.
///
/// # Errors
///
/// [`QueryError::UnknownName`] with the closest instrument names.
pub(crate) fn find_instrument(name: &str) -> Result<Instrument, QueryError> {
    let key = name.trim().to_ascii_lowercase().replace(['-', ' '], "_");
    Instrument::ALL
        .iter()
        .copied()
        .find(|instrument| instrument.as_str() == key)
        .ok_or_else(|| {
            unknown_of_few(
                NameKind::Instrument,
                name,
                Instrument::ALL.iter().map(|i| i.as_str()),
            )
        })
}

/// As [`unknown`], for a short list of names (instruments, tiers): all of them when none is
/// close, so that the error says what there is.
fn unknown_of_few<'a>(
    kind: NameKind,
    name: &str,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
) -> QueryError {
    let suggestions = closest(name, candidates.clone());
    QueryError::UnknownName {
        kind,
        name: name.to_owned(),
        suggestions: if suggestions.is_empty() {
            let mut all: Vec<String> = candidates.into_iter().map(str::to_owned).collect();
            all.dedup();
            all
        } else {
            suggestions
        },
    }
}

/// Whether `known`, reduced as [`normalize`] reduces it, is `key`: compared as it is
/// reduced, so that a name that differs early costs a character or two.
fn same_name(known: &str, key: &str) -> bool {
    let mut key = key.chars();
    known
        .chars()
        .filter(|&c| counts(c))
        .all(|c| key.next() == Some(c.to_ascii_lowercase()))
        && key.next().is_none()
}

/// A name reduced for comparison: no quotation marks or spaces, and ASCII letters in lower
/// case. Case is set aside for ASCII letters only, as search sets it aside: ids and English
/// names are written in them, and Chinese has no case. (Unicode's case tables would add
/// about 7 KB, gzipped, to the WebAssembly package.)
pub(crate) fn normalize(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    normalize_into(name, &mut key);
    key
}

/// Appends to `key` the name reduced as [`normalize`] reduces it, and says how many
/// characters that added: ranking reduces every name of a kind into one buffer.
fn normalize_into(name: &str, key: &mut String) -> usize {
    let mut added = 0;
    for c in name.chars().filter(|&c| counts(c)) {
        key.push(c.to_ascii_lowercase());
        added += 1;
    }
    added
}

/// Whether a character counts when comparing names: not a quotation mark or a space.
fn counts(c: char) -> bool {
    !matches!(c, '“' | '”' | '"' | '‘' | '’' | '\'' | '「' | '」') && !c.is_whitespace()
}

/// The position of the first of `items` (ids and names) called `name`: by its id or its
/// Chinese or English name exactly, else by a name with quotation marks, spaces and case set
/// aside. An exact id or name wins, and the usual question, asked by an exact name, never
/// normalizes a name (the JS package asks it anew for each unit a page shows).
fn position_called<'a>(
    mut items: impl Iterator<Item = (&'a str, &'a Text)> + Clone,
    name: &str,
) -> Option<usize> {
    let exact = |(id, names): (&str, &Text)| id == name || names.zh == name || names.en == name;
    items.clone().position(exact).or_else(|| {
        let key = normalize(name);
        let same = |known: &str| same_name(known, &key);
        items.position(|(_, names)| same(&names.zh) || same(&names.en))
    })
}

/// Suggest names in the script the user typed: Chinese for Chinese, English otherwise.
fn preferred_name<'a>(typed: &str, names: &'a Text) -> &'a str {
    if typed.is_ascii() && !names.en.is_empty() {
        &names.en
    } else {
        &names.zh
    }
}

pub(crate) fn unknown<'a>(
    kind: NameKind,
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> QueryError {
    QueryError::UnknownName {
        kind,
        name: name.to_owned(),
        suggestions: closest(name, candidates),
    }
}

/// The largest item number a question takes, either way: the largest whole number that every
/// surface holds exactly (JavaScript's `Number.MAX_SAFE_INTEGER`), so that a larger one gets
/// the same error everywhere (`invalid_argument`), whatever the surface could hold.
pub const LARGEST_NUMBER: i64 = (1 << 53) - 1;

/// No item of `kind` is numbered `number`: an unknown name naming the valid range, or for a
/// number beyond [`LARGEST_NUMBER`] an invalid argument.
fn unknown_number(kind: NameKind, number: i64, valid: impl Iterator<Item = u16>) -> QueryError {
    if number.unsigned_abs() > LARGEST_NUMBER.unsigned_abs() {
        return QueryError::InvalidArgument(format!(
            "a {kind} number is a whole number from -{LARGEST_NUMBER} to {LARGEST_NUMBER}"
        ));
    }
    let valid: Vec<u16> = valid.collect();
    let range = match (valid.iter().min(), valid.iter().max()) {
        (Some(first), Some(last)) if first == last => vec![first.to_string()],
        (Some(first), Some(last)) => vec![format!("{first}–{last}")],
        _ => Vec::new(),
    };
    QueryError::UnknownName {
        kind,
        name: number.to_string(),
        suggestions: range,
    }
}

/// The one candidate closest to `name`, if any is close.
pub(crate) fn closest_name(name: &str, candidates: &[&str]) -> Option<String> {
    closest(name, candidates.iter().copied()).into_iter().next()
}

/// The (at most three) candidates closest to `name`: those that contain it or that it
/// contains first, then those within a small edit distance.
fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    // One body for every kind of candidate list: it is the only sort in the crate.
    ranked(name, candidates.into_iter().collect())
}

fn ranked(name: &str, candidates: Vec<&str>) -> Vec<String> {
    let key = normalize(name);
    if key.is_empty() {
        return Vec::new();
    }
    let key_length = key.chars().count();
    // A Latin letter is in many names without naming any of them; one Chinese character
    // may name one, as 财 does a finance bureau.
    let contains = |outer: &str, inner: &str| {
        let telling = inner.chars().nth(1).is_some() || !inner.is_ascii();
        telling && outer.contains(inner)
    };
    let mut scored: Vec<(f64, &str)> = Vec::new();
    let mut other = String::new();
    for candidate in candidates {
        other.clear();
        let length = normalize_into(candidate, &mut other);
        let score = if contains(&other, &key) || contains(&key, &other) {
            1.0 + strsim::normalized_levenshtein(&key, &other)
        } else if close_in_length(key_length, length) {
            strsim::normalized_levenshtein(&key, &other)
        } else {
            continue;
        };
        if score >= 0.5 {
            scored.push((score, candidate));
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut best: Vec<String> = Vec::new();
    for (_, candidate) in scored {
        if best.len() < 3 && !best.iter().any(|seen| seen == candidate) {
            best.push(candidate.to_owned());
        }
    }
    best
}

/// Whether two names of these lengths (in characters) can be similar enough to suggest:
/// they differ in at least as many edits as in length, so a normalized Levenshtein similarity
/// of at least 0.5 needs the shorter to be at least half the longer.
fn close_in_length(one: usize, other: usize) -> bool {
    2 * one.min(other) >= one.max(other)
}

/// A search phrase. ASCII letters match in any case; everything else matches exactly
/// (Chinese has no case). Matching works on bytes and allocates nothing.
///
/// A text is searched for the phrase's rarest byte (`memchr`), each place checked for the
/// whole phrase. A plan's texts are short (about a hundred bytes), and in WebAssembly a
/// `memmem` searcher costs more to start on each than this whole search: scanning the Wulong
/// plan's texts for 首台 took 41 µs with one, 11 µs this way (a plan's first search, before
/// it has an index, is a web page's first). Natively, where `memmem` has SIMD, it was about
/// a tenth faster than this, a microsecond a plan. Unlike `memmem`, a search may take the
/// text's length times the phrase's, which texts this short never come near.
pub(crate) struct Needle<'a> {
    phrase: &'a [u8],
    /// The phrase's rarest byte in a plan's texts (see [`commonness`]).
    rare: u8,
    /// Where [`Self::rare`] stands in the phrase.
    rare_at: usize,
    /// Whether the phrase has ASCII letters, so that case must be folded.
    fold: bool,
}

/// How common a byte is in a plan's texts, Chinese and English: the first byte of a Chinese
/// character most, then lowercase letters and spaces, then the other bytes of a Chinese
/// character (each of 64 values); capitals, digits and punctuation least. A phrase's letter
/// is ranked as its lowercase, as both cases are searched for.
fn commonness(byte: u8) -> u8 {
    match byte {
        0xe0..=0xef => 3,
        b'a'..=b'z' | b' ' => 2,
        0x80..=0xbf => 1,
        _ => 0,
    }
}

impl<'a> Needle<'a> {
    pub(crate) fn new(phrase: &'a str) -> Self {
        let phrase = phrase.trim().as_bytes();
        // An empty phrase has none, and is found at once without one (`find`).
        let (rare_at, rare) = phrase
            .iter()
            .copied()
            .enumerate()
            .min_by_key(|&(_, byte)| commonness(byte.to_ascii_lowercase()))
            .unwrap_or_default();
        Self {
            phrase,
            rare,
            rare_at,
            fold: phrase.iter().any(u8::is_ascii_alphabetic),
        }
    }

    /// The byte offset of the first match. A match always starts on a character boundary:
    /// the phrase starts with an ASCII or a leading byte, which no continuation byte equals.
    fn find(&self, text: &str) -> Option<usize> {
        if self.phrase.is_empty() {
            return Some(0);
        }
        let bytes = text.as_bytes();
        let rare = self.rare;
        let matches_at = |at: usize| {
            let start = at.checked_sub(self.rare_at)?;
            let candidate = bytes.get(start..start + self.phrase.len())?;
            let equal = if self.fold {
                candidate.eq_ignore_ascii_case(self.phrase)
            } else {
                candidate == self.phrase
            };
            equal.then_some(start)
        };
        if rare.is_ascii_alphabetic() {
            let (lower, upper) = (rare.to_ascii_lowercase(), rare.to_ascii_uppercase());
            memchr::memchr2_iter(lower, upper, bytes).find_map(matches_at)
        } else {
            memchr::memchr_iter(rare, bytes).find_map(matches_at)
        }
    }

    /// The phrase as it is looked for: trimmed.
    pub(crate) fn phrase(&self) -> &[u8] {
        self.phrase
    }

    pub(crate) fn found_in(&self, text: &str) -> bool {
        self.find(text).is_some()
    }

    /// The match with up to 24 characters either side, `…` marking the cuts.
    pub(crate) fn snippet(&self, text: &str) -> Option<String> {
        const CONTEXT: usize = 24;
        let at = self.find(text)?;
        let end = at + self.phrase.len();
        let before = text.get(..at)?;
        let after = text.get(end..)?;
        let start = before
            .char_indices()
            .rev()
            .nth(CONTEXT - 1)
            .map_or(0, |(i, _)| i);
        let stop = after
            .char_indices()
            .nth(CONTEXT)
            .map_or(text.len(), |(i, _)| end + i);
        let mut snippet = String::new();
        if start > 0 {
            snippet.push('…');
        }
        snippet.push_str(text.get(start..stop)?);
        if stop < text.len() {
            snippet.push('…');
        }
        Some(snippet)
    }
}

#[cfg(test)]
mod tests {
    use super::{Needle, closest, closest_name, normalize, position_called};
    use crate::model::Text;

    #[test]
    fn a_latin_letter_suggests_nothing_a_chinese_character_may() {
        let facts = ["tax-incentive-policies", "rd-deduction-filing-threshold"];
        assert_eq!(closest_name("x", &facts), None);
        assert_eq!(closest_name("rd", &facts).as_deref(), Some(facts[1]));
        assert_eq!(
            closest_name("财", &["区财政局", "区科技局"]).as_deref(),
            Some("区财政局")
        );
    }

    #[test]
    fn names_set_aside_the_case_of_ascii_letters_only() {
        let name = "İΣ區A “x”";
        assert_eq!(super::normalize(name), "İΣ區ax");
        assert!(super::same_name(name, &super::normalize(name)));
        for other in ["İΣ區a", "İΣ區axx", "iσ區ax", "i\u{307}σ區ax", ""] {
            assert!(!super::same_name(name, other), "{other:?}");
        }
    }

    #[test]
    fn a_phrase_is_found_at_its_first_place_by_its_rarest_byte() {
        let find = |phrase: &str, text: &str| Needle::new(phrase).find(text);
        // The rarest byte is inside the phrase: the match still starts where the phrase does.
        assert_eq!(find("首台", "首批首台套"), Some(6));
        assert_eq!(find("台套", "首台台套"), Some(6));
        assert_eq!(find("R&D", "tax, r&d and R&D"), Some(5));
        assert_eq!(find("Little Giant", "a little giant"), Some(2));
        assert_eq!(find("首台", "首"), None);
        assert_eq!(find("ab", "b"), None);
    }

    /// Where `phrase` first is in `text`, found by comparing at every character.
    fn first_place(text: &str, phrase: &str) -> Option<usize> {
        text.char_indices().map(|(at, _)| at).find(|&at| {
            text.as_bytes()
                .get(at..at + phrase.len())
                .is_some_and(|here| here.eq_ignore_ascii_case(phrase.as_bytes()))
        })
    }

    proptest::proptest! {
        /// Comparing a name as it is reduced agrees with reducing it first.
        #[test]
        fn a_name_is_the_same_as_its_reduction_says(
            known in "[aA İΣσ區“”]{0,8}",
            other in "[aA İΣσ區“”]{0,8}",
        ) {
            let same = normalize(&known) == normalize(&other);
            proptest::prop_assert_eq!(super::same_name(&known, &normalize(&other)), same);
        }

        /// Whatever byte the search starts from, it finds the first place a phrase is, and
        /// nothing where it is not, as comparing at every place does (ASCII letters in any
        /// case): for a phrase from the text, and one of the same characters that may not be.
        #[test]
        fn a_phrase_is_found_where_comparing_every_place_finds_it(
            text in "[aAbB首台 ,]{0,40}",
            start in 0usize..40,
            length in 1usize..6,
            other in "[aAbB首台 ,]{1,5}",
        ) {
            let from_text: String = text.chars().skip(start).take(length).collect();
            for phrase in [from_text.trim(), other.trim()] {
                if !phrase.is_empty() {
                    proptest::prop_assert_eq!(
                        Needle::new(phrase).find(&text),
                        first_place(&text, phrase)
                    );
                }
            }
        }
    }

    #[test]
    fn normalize_forgives_quotes_space_and_case() {
        assert_eq!(normalize("“专精特新” 企业"), "专精特新企业");
        assert_eq!(
            normalize("District Finance Bureau"),
            "districtfinancebureau"
        );
    }

    #[test]
    fn an_exact_name_wins_over_one_that_matches_only_loosely() {
        let spaced = Text::new("区 财政局", "Finance Bureau (old)");
        let exact = Text::new("区财政局", "District Finance Bureau");
        let items = || [("old", &spaced), ("finance", &exact)].into_iter();
        assert_eq!(position_called(items(), "区财政局"), Some(1));
        assert_eq!(position_called(items(), "finance"), Some(1));
        assert_eq!(position_called(items(), "“区 财政局”"), Some(0));
        assert_eq!(position_called(items(), "district finance bureau"), Some(1));
        assert_eq!(position_called(items(), "区税务局"), None);
    }

    #[test]
    fn closest_prefers_containment_then_edit_distance() {
        let names = ["区财政局", "区科技局", "区税务局"];
        assert_eq!(closest("区财政", names), ["区财政局"]);
        assert_eq!(closest("区材政局", names)[0], "区财政局");
        assert!(closest("zzz", names).is_empty());
    }

    #[test]
    fn snippet_marks_cuts() {
        let needle = Needle::new("b");
        assert_eq!(needle.snippet("abc").unwrap(), "abc");
        let long = format!("{}b{}", "a".repeat(30), "c".repeat(30));
        let snippet = needle.snippet(&long).unwrap();
        assert!(snippet.starts_with('…') && snippet.ends_with('…'));
        assert_eq!(snippet.chars().count(), 24 * 2 + 1 + 2);
    }
}
