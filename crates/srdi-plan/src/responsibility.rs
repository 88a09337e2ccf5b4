//! Reading a printed responsibility line back into units and roles, so that the lists a file
//! gives can be checked against what the document prints.
//!
//! Plans of this family print the line in many ways; all of these read the same way:
//!
//! - `责任单位：区经济信息委、区财政局` (plain units; `，` `,` `及` `和` `与` also separate);
//! - `牵头单位：区经济信息委；配合单位：区财政局、区科技局` (labelled roles);
//! - `区经济信息委牵头，区财政局、区科技局配合` (a role word after its units);
//! - `责任单位：区经济信息委（牵头）、区财政局` (a marked lead);
//! - a trailing `等` (and others) is allowed.
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

const LABELS: [(&str, Role); 9] = [
    ("牵头单位", Role::Lead),
    ("牵头部门", Role::Lead),
    ("配合单位", Role::Cooperating),
    ("配合部门", Role::Cooperating),
    ("协同单位", Role::Cooperating),
    ("参与单位", Role::Cooperating),
    ("责任单位", Role::Plain),
    ("责任部门", Role::Plain),
    ("主责单位", Role::Plain),
];

const ROLE_WORDS: [(&str, Role); 3] = [
    ("牵头", Role::Lead),
    ("配合", Role::Cooperating),
    ("负责", Role::Plain),
];

const LEAD_MARKS: [&str; 2] = ["（牵头）", "(牵头)"];

const SEPARATORS: [char; 14] = [
    '、', '，', ',', '；', ';', '。', '：', ':', '及', '和', '与', '等', ' ', '\u{3000}',
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
            } else if let Some(mark) = LEAD_MARKS.iter().find(|m| rest.starts_with(*m)) {
                flush_unread(&mut unread, &mut read);
                if let Some(last) = pending.pop() {
                    read.lead.push(last);
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
            } else if let Some((word, word_role)) =
                ROLE_WORDS.iter().find(|(w, _)| rest.starts_with(w))
            {
                flush_unread(&mut unread, &mut read);
                assign(&mut read, *word_role, &mut pending);
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

fn assign(read: &mut Read, role: Role, pending: &mut Vec<usize>) {
    let list = match role {
        Role::Lead => &mut read.lead,
        Role::Plain => &mut read.units,
        Role::Cooperating => &mut read.cooperating,
    };
    list.append(pending);
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
    }

    #[test]
    fn unknown_names_are_reported_and_longest_names_win() {
        let read = Names::new(&NAMES).read("责任单位：区委、区税局、区财政局");
        assert_eq!(names(&read.units), ["区委", "区财政局"]);
        assert_eq!(read.unread, ["区税局"]);
    }
}
