//! Reading a printed responsibility line back into units and roles, so that the lists a file
//! gives can be checked against what the document prints.
//!
//! Plans of this family print the line in many ways; all of these read the same way:
//!
//! - `责任单位：区经济信息委、区财政局` (plain units; `，` `,` `及` `和` `与` also separate);
//! - `牵头单位：区经济信息委；配合单位：区财政局、区科技局` (labelled roles);
//! - `区经济信息委牵头，区财政局、区科技局配合` (a role word after its units);
//! - `责任单位：区经济信息委（牵头）、区财政局（配合）` (a marked lead, a marked cooperating
//!   unit);
//! - `区经济信息委会同区财政局负责` (the units before 会同 lead, those after cooperate);
//! - `主要责任单位：…；协同单位：…` (labelled roles: the main units lead);
//! - a trailing `等` (and others), `等部门` or `等单位` is allowed, and so are words that
//!   name no unit, such as `按职责分工` (`按职责分工负责`) and `分别`.
//!
//! Unit names are matched against the plan's own printed names, longest first, so a name with
//! 和 or 及 inside (区规划和自然资源局) is read whole.

/// A role in a responsibility line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Lead,
    Plain,
    Cooperating,
}

/// What a printed line names: unit positions (into the names given) by role, in printed
/// order, and any text that is neither a name nor a separator.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Read {
    pub(crate) lead: Vec<usize>,
    pub(crate) units: Vec<usize>,
    pub(crate) cooperating: Vec<usize>,
    pub(crate) unread: Vec<String>,
}

const LABELS: [(&str, Role); 12] = [
    ("牵头单位", Role::Lead),
    ("牵头部门", Role::Lead),
    ("配合单位", Role::Cooperating),
    ("配合部门", Role::Cooperating),
    ("协同单位", Role::Cooperating),
    ("协同部门", Role::Cooperating),
    ("参与单位", Role::Cooperating),
    ("责任单位", Role::Plain),
    ("责任部门", Role::Plain),
    ("主责单位", Role::Lead),
    ("主要责任单位", Role::Lead),
    ("主要责任部门", Role::Lead),
];

/// Words after units that give them a role; `负责` (are responsible) gives the role in force,
/// which is none but after a label or `会同`.
const ROLE_WORDS: [(&str, Option<Role>); 3] = [
    ("牵头", Some(Role::Lead)),
    ("配合", Some(Role::Cooperating)),
    ("负责", None),
];

/// `A会同B`: A leads, together with B, who cooperates.
const TOGETHER_WITH: &str = "会同";

/// Marks after a unit's name that give it a role.
const MARKS: [(&str, Role); 4] = [
    ("（牵头）", Role::Lead),
    ("(牵头)", Role::Lead),
    ("（配合）", Role::Cooperating),
    ("(配合)", Role::Cooperating),
];

/// Words that name no unit and give no role: how the units share the work, or a class of
/// units after 等 (and others).
const NO_UNIT: [&str; 15] = [
    "按职责分工",
    "按照职责分工",
    "按职能分工",
    "按职能职责",
    "按照职能职责",
    "按各自职责",
    "按照各自职责",
    "分别",
    "共同",
    "等部门",
    "等单位",
    "等有关部门",
    "等相关部门",
    "等有关单位",
    "等相关单位",
];

/// Between names; brackets too, once the names and marks that hold them are read.
const SEPARATORS: [char; 18] = [
    '、', '，', ',', '；', ';', '。', '：', ':', '及', '和', '与', '等', ' ', '\u{3000}', '（',
    '）', '(', ')',
];

/// A plan's printed unit names, ready to read its lines against: a plan has several lines and
/// one list of names.
pub(crate) struct Names<'a> {
    /// Each name with its position, longest first, so that the longest match wins.
    by_length: Vec<(usize, &'a str)>,
}

impl<'a> Names<'a> {
    pub(crate) fn new(names: &[&'a str]) -> Self {
        let mut by_length: Vec<(usize, &str)> = names
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, name)| !name.is_empty())
            .collect();
        by_length.sort_by_key(|(_, name)| std::cmp::Reverse(name.len()));
        Self { by_length }
    }

    /// Reads `line` against the names.
    pub(crate) fn read(&self, line: &str) -> Read {
        let mut read = Read::default();
        let mut role = Role::Plain;
        let mut pending: Vec<usize> = Vec::new();
        let mut unread = String::new();
        let mut rest = line.trim();
        rest = rest
            .strip_prefix(['（', '('])
            .and_then(|inner| inner.strip_suffix(['）', ')']))
            .unwrap_or(rest);

        let flush_unread = |unread: &mut String, read: &mut Read| {
            if !unread.trim().is_empty() {
                read.unread.push(unread.trim().to_owned());
            }
            unread.clear();
        };

        while let Some(first) = rest.chars().next() {
            if let Some((label, label_role)) = LABELS.iter().find(|(l, _)| rest.starts_with(l)) {
                flush_unread(&mut unread, &mut read);
                assign(&mut read, role, &mut pending);
                role = *label_role;
                rest = rest.get(label.len()..).unwrap_or_default();
            } else if let Some((mark, mark_role)) = MARKS.iter().find(|(m, _)| rest.starts_with(m))
            {
                flush_unread(&mut unread, &mut read);
                if let Some(last) = pending.pop() {
                    read.of(*mark_role).push(last);
                }
                rest = rest.get(mark.len()..).unwrap_or_default();
            } else if let Some((position, name)) = self
                .by_length
                .iter()
                .find(|(_, name)| rest.starts_with(name))
            {
                flush_unread(&mut unread, &mut read);
                pending.push(*position);
                rest = rest.get(name.len()..).unwrap_or_default();
            } else if let Some(words) = NO_UNIT.iter().find(|w| rest.starts_with(*w)) {
                flush_unread(&mut unread, &mut read);
                rest = rest.get(words.len()..).unwrap_or_default();
            } else if let Some(after) = rest.strip_prefix(TOGETHER_WITH) {
                flush_unread(&mut unread, &mut read);
                assign(&mut read, Role::Lead, &mut pending);
                role = Role::Cooperating;
                rest = after;
            } else if let Some((word, word_role)) =
                ROLE_WORDS.iter().find(|(w, _)| rest.starts_with(w))
            {
                flush_unread(&mut unread, &mut read);
                assign(&mut read, word_role.unwrap_or(role), &mut pending);
                rest = rest.get(word.len()..).unwrap_or_default();
            } else {
                if SEPARATORS.contains(&first) {
                    flush_unread(&mut unread, &mut read);
                } else {
                    unread.push(first);
                }
                rest = rest.get(first.len_utf8()..).unwrap_or_default();
            }
        }
        flush_unread(&mut unread, &mut read);
        assign(&mut read, role, &mut pending);
        read
    }
}

/// Gives the units read so far a role.
fn assign(read: &mut Read, role: Role, pending: &mut Vec<usize>) {
    read.of(role).append(pending);
}

impl Read {
    /// The units read in `role`.
    fn of(&mut self, role: Role) -> &mut Vec<usize> {
        match role {
            Role::Lead => &mut self.lead,
            Role::Plain => &mut self.units,
            Role::Cooperating => &mut self.cooperating,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: [&str; 5] = [
        "区经济信息委",
        "区财政局",
        "区科技局",
        "区规划和自然资源局",
        "区委",
    ];

    fn names(positions: &[usize]) -> Vec<&'static str> {
        positions.iter().map(|&i| NAMES[i]).collect()
    }

    #[test]
    fn every_printed_form_reads_the_same_units() {
        let plain = Names::new(&NAMES)
            .read("责任单位：区经济信息委、区财政局，区科技局及区规划和自然资源局等");
        assert_eq!(
            names(&plain.units),
            ["区经济信息委", "区财政局", "区科技局", "区规划和自然资源局"]
        );
        assert!(plain.unread.is_empty() && plain.lead.is_empty());

        let labelled =
            Names::new(&NAMES).read("牵头单位：区经济信息委；配合单位：区财政局、区科技局");
        assert_eq!(names(&labelled.lead), ["区经济信息委"]);
        assert_eq!(names(&labelled.cooperating), ["区财政局", "区科技局"]);

        let words = Names::new(&NAMES).read("区经济信息委牵头，区财政局、区科技局配合");
        assert_eq!(names(&words.lead), ["区经济信息委"]);
        assert_eq!(names(&words.cooperating), ["区财政局", "区科技局"]);

        let marked = Names::new(&NAMES).read("（责任单位：区经济信息委（牵头）、区财政局）");
        assert_eq!(names(&marked.lead), ["区经济信息委"]);
        assert_eq!(names(&marked.units), ["区财政局"]);

        let ascii = Names::new(&NAMES).read("责任单位:区经济信息委,区财政局");
        assert_eq!(names(&ascii.units), ["区经济信息委", "区财政局"]);

        let together = Names::new(&NAMES).read("区经济信息委会同区财政局、区科技局负责");
        assert_eq!(names(&together.lead), ["区经济信息委"]);
        assert_eq!(names(&together.cooperating), ["区财政局", "区科技局"]);
        assert!(together.units.is_empty() && together.unread.is_empty());

        for shared in [
            "区财政局、区科技局按职责分工负责",
            "区财政局、区科技局按职能职责分别负责",
            "责任单位：区财政局、区科技局（按职责分工负责）",
        ] {
            let shared = Names::new(&NAMES).read(shared);
            assert_eq!(names(&shared.units), ["区财政局", "区科技局"]);
            assert!(shared.unread.is_empty());
        }

        let both_marked = Names::new(&NAMES).read("区经济信息委（牵头）、区科技局（配合）");
        assert_eq!(names(&both_marked.lead), ["区经济信息委"]);
        assert_eq!(names(&both_marked.cooperating), ["区科技局"]);

        let main = Names::new(&NAMES)
            .read("主要责任单位：区经济信息委；协同单位：区财政局、区科技局等部门");
        assert_eq!(names(&main.lead), ["区经济信息委"]);
        assert_eq!(names(&main.cooperating), ["区财政局", "区科技局"]);
        assert!(main.unread.is_empty());

        let others = Names::new(&NAMES).read("区经济信息委牵头，区财政局等单位配合");
        assert_eq!(names(&others.lead), ["区经济信息委"]);
        assert_eq!(names(&others.cooperating), ["区财政局"]);
        assert!(others.unread.is_empty());
    }

    #[test]
    fn unknown_names_are_reported_and_longest_names_win() {
        let read = Names::new(&NAMES).read("责任单位：区委、区税局、区财政局");
        assert_eq!(names(&read.units), ["区委", "区财政局"]);
        assert_eq!(read.unread, ["区税局"]);
    }
}
