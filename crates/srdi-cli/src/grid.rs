//! Tables that fit the terminal: `COLUMNS`, else the terminal's width, else 100 columns.
//!
//! Only prose wraps (titles, texts, snippets, lists of names); ids, numbers, amounts, places
//! and years keep their width, so that an id or an amount is never cut. Prose
//! breaks where a reader expects: at spaces in English, and between Chinese characters
//! except before closing punctuation (、。，）》…), after opening punctuation (（《“…) and
//! inside a title in 《》.

use std::fmt::Write as _;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Width for tables when neither `COLUMNS` nor a terminal says how wide to be (pipes, files).
const DEFAULT_WIDTH: usize = 100;

/// Columns that hold prose, by header: the only ones that wrap.
const PROSE: [&str; 21] = [
    "title",
    "used in",
    "instruments",
    "text",
    "snippet",
    "indicator",
    "name",
    "responsible units",
    "units",
    "mechanisms",
    "tasks",
    "counts",
    "of parent",
    "based on",
    "missing or failed",
    "STIP type",
    "lead",
    "description",
    "definition",
    "latest",
    "target value",
];

/// Chinese punctuation a line may not start with.
const NO_LINE_START: &str = "、。，．；：？！）》」』】〕”’…％·";
/// Chinese punctuation a line may not end with.
const NO_LINE_END: &str = "（《「『【〔“‘";

/// The width tables are laid out to.
pub(crate) fn width() -> usize {
    if let Some(columns) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c >= 20)
    {
        return columns;
    }
    terminal_size::terminal_size().map_or(DEFAULT_WIDTH, |(w, _)| usize::from(w.0))
}

/// A table: a header (framed) or label–value pairs (bare), and rows of text cells.
#[derive(Debug, Default)]
pub(crate) struct Grid {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Grid {
    /// A framed table with a header; the columns named in [`PROSE`] wrap.
    pub(crate) fn new(header: &[&str]) -> Self {
        Self {
            header: header.iter().map(|&h| h.to_owned()).collect(),
            rows: Vec::new(),
        }
    }

    /// Label–value pairs without a frame; the values wrap.
    pub(crate) fn bare() -> Self {
        Self::default()
    }

    pub(crate) fn add_row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// The number of columns.
    fn columns(&self) -> usize {
        self.rows
            .iter()
            .map(Vec::len)
            .chain([self.header.len()])
            .max()
            .unwrap_or(0)
    }

    fn prose(&self, column: usize) -> bool {
        match self.header.get(column) {
            Some(name) => PROSE.contains(&name.as_str()),
            None => self.header.is_empty() && column > 0,
        }
    }

    /// The table laid out to `width` columns (wider only if its ids and numbers alone are).
    pub(crate) fn render(&self, width: usize) -> String {
        let columns = self.columns();
        let framed = !self.header.is_empty();
        let texts = |i: usize| {
            let header = self.header.get(i).map(String::as_str);
            let cells = self
                .rows
                .iter()
                .map(move |row| row.get(i).map(String::as_str));
            header.into_iter().chain(cells.flatten())
        };
        let natural: Vec<usize> = (0..columns)
            .map(|i| texts(i).map(widest_line).max().unwrap_or(0))
            .collect();
        // A prose column is never narrower than its longest unbreakable piece (an id, a
        // number), up to a limit, nor than 10 columns unless all of it is.
        let least: Vec<usize> = (0..columns)
            .map(|i| {
                let piece = texts(i)
                    .flat_map(str::lines)
                    .flat_map(pieces)
                    .map(|p| p.trim_end().width())
                    .max()
                    .unwrap_or(0);
                natural[i].min(piece.clamp(10, 24))
            })
            .collect();
        // "│ " + cells joined by "   " + " │"; bare: cells joined by "  ".
        let overhead = if framed {
            4 + 3 * columns.saturating_sub(1)
        } else {
            2 * columns.saturating_sub(1)
        };
        let prose: Vec<bool> = (0..columns).map(|i| self.prose(i)).collect();
        let widths = fit(&natural, &least, &prose, width.saturating_sub(overhead));
        let inner: usize = widths.iter().sum::<usize>() + overhead - if framed { 4 } else { 0 };
        let mut out = String::new();
        if framed {
            let _ = writeln!(out, "┌{}┐", "─".repeat(inner + 2));
            self.line(&mut out, &self.header, &widths, true);
            let _ = writeln!(out, "╞{}╡", "═".repeat(inner + 2));
        }
        for row in &self.rows {
            self.line(&mut out, row, &widths, framed);
        }
        if framed {
            let _ = writeln!(out, "└{}┘", "─".repeat(inner + 2));
        }
        out
    }

    /// One row, its cells wrapped to `widths`, as many lines as its tallest cell.
    fn line(&self, out: &mut String, row: &[String], widths: &[usize], framed: bool) {
        let wrapped: Vec<Vec<String>> = widths
            .iter()
            .enumerate()
            .map(|(i, &w)| {
                let text = row.get(i).map_or("", String::as_str);
                if self.prose(i) {
                    wrap(text, w)
                } else {
                    text.lines().map(str::to_owned).collect()
                }
            })
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(0).max(1);
        for n in 0..height {
            let cells: Vec<String> = wrapped
                .iter()
                .zip(widths)
                .map(|(lines, &w)| {
                    let text = lines.get(n).map_or("", String::as_str);
                    format!("{text}{}", " ".repeat(w.saturating_sub(text.width())))
                })
                .collect();
            let text = if framed {
                format!("│ {} │", cells.join("   "))
            } else {
                cells.join("  ").trim_end().to_owned()
            };
            out.push_str(&text);
            out.push('\n');
        }
    }
}

/// `text` with every line wider than [`width`] wrapped, except the lines of framed tables
/// (already laid out): the notes and sentences printed around tables.
pub(crate) fn wrap_lines(text: &str) -> String {
    let width = width();
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        if line.width() <= width || line.starts_with(['│', '┌', '╞', '└']) {
            out.push_str(line);
            out.push('\n');
        } else {
            // Continuation lines keep the line's indentation (the steps of `--explain`).
            let body = line.trim_start();
            let indent = &line[..line.len() - body.len()];
            for part in wrap(body, width.saturating_sub(indent.width()).max(20)) {
                out.push_str(indent);
                out.push_str(&part);
                out.push('\n');
            }
        }
    }
    out
}

/// Laid out to [`width`].
impl std::fmt::Display for Grid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(width()))
    }
}

/// Column widths within `room`: whole columns at their natural width; prose columns at
/// their least width, sharing what is left in proportion to how much more they would take.
fn fit(natural: &[usize], least: &[usize], prose: &[bool], room: usize) -> Vec<usize> {
    if natural.iter().sum::<usize>() <= room {
        return natural.to_vec();
    }
    let mut widths: Vec<usize> = natural
        .iter()
        .zip(least)
        .zip(prose)
        .map(|((&n, &l), &p)| if p { l } else { n })
        .collect();
    // Too little room even for that: prose gives up its least widths, down to 6 columns
    // (a long word is then cut), before the table grows wider than asked.
    while widths.iter().sum::<usize>() > room {
        let Some(widest) = (0..widths.len())
            .filter(|&i| prose[i] && widths[i] > 6)
            .max_by_key(|&i| widths[i])
        else {
            break;
        };
        widths[widest] -= 1;
    }
    let left = room.saturating_sub(widths.iter().sum());
    let wanted: Vec<usize> = natural
        .iter()
        .zip(&widths)
        .map(|(n, w)| n.saturating_sub(*w))
        .collect();
    let total: usize = wanted.iter().sum();
    for (width, more) in widths.iter_mut().zip(&wanted) {
        *width += (more * left).checked_div(total).unwrap_or(0);
    }
    widths
}

/// The columns `text` takes in a terminal.
pub(crate) fn text_width(text: &str) -> usize {
    text.width()
}

fn widest_line(text: &str) -> usize {
    text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

/// Prose wrapped to `width` columns at the places a reader expects a break.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for piece in pieces(paragraph) {
            if line.width() + piece.trim_end().width() > width && !line.is_empty() {
                lines.push(line.trim_end().to_owned());
                line.clear();
            }
            let mut rest = if line.is_empty() {
                piece.trim_start()
            } else {
                piece
            };
            // A piece wider than a line (a long title, a URL) is cut where it must be; the
            // line is empty here, so each cut fills a whole line.
            while rest.trim_end().width() > width {
                let cut = cut_at(rest, width);
                lines.push(rest[..cut].trim_end().to_owned());
                rest = &rest[cut..];
            }
            line.push_str(rest);
        }
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// The byte offset within `text` of the longest start no wider than `width`; or, where that
/// start has a hyphen past its first half, the start up to and with the last such hyphen, so
/// that an id (`rd-deduction-filing-threshold`) breaks between its words rather than inside
/// one, and no line is left with a lone hyphen or a stub. At least one character, so that a
/// line always moves on.
fn cut_at(text: &str, width: usize) -> usize {
    let mut used = 0;
    let mut after_hyphen = None;
    for (at, c) in text.char_indices() {
        used += c.width().unwrap_or(0);
        if used > width {
            return after_hyphen.unwrap_or(if at == 0 { c.len_utf8() } else { at });
        }
        if c == '-' && at > 0 && used * 2 > width {
            after_hyphen = Some(at + 1);
        }
    }
    text.len()
}

/// The pieces of a paragraph between which a line may break: after a space, and between
/// two wide (Chinese) characters unless punctuation, a 《title》 or a document number
/// (`渝府办发〔2022〕23号`) holds them together.
fn pieces(text: &str) -> Vec<&str> {
    let numbers = document_numbers(text);
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut previous: Option<char> = None;
    let mut in_title = false;
    for (at, c) in text.char_indices() {
        if numbers
            .iter()
            .any(|number| number.start < at && at < number.end)
        {
            previous = Some(c);
            continue;
        }
        if let Some(p) = previous {
            // Chinese text: wide characters, and the quotation marks that stand among them.
            let wide = |c: char| c.width() == Some(2) || "“”‘’".contains(c);
            let breaks = (p == ' ' && c != ' ')
                || (wide(p)
                    && wide(c)
                    && !in_title
                    && !NO_LINE_START.contains(c)
                    && !NO_LINE_END.contains(p));
            if breaks {
                pieces.push(&text[start..at]);
                start = at;
            }
        }
        match c {
            '《' => in_title = true,
            '》' => in_title = false,
            _ => {}
        }
        previous = Some(c);
    }
    pieces.push(&text[start..]);
    pieces
}

/// Where `text` cites a document by its number, issuer included: `〔year〕number号` and the
/// Chinese characters before it, up to [`ISSUER`] of them and not back into another number
/// (`渝府办发〔2022〕23号`). A number wider than a whole line is still cut.
fn document_numbers(text: &str) -> Vec<std::ops::Range<usize>> {
    let in_issuer = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c) && c != '号';
    let mut numbers = Vec::new();
    for (at, _) in text.match_indices('〔') {
        let rest = &text[at + '〔'.len_utf8()..];
        let year = rest.bytes().take_while(u8::is_ascii_digit).count();
        if year != 4 {
            continue;
        }
        let Some(rest) = rest[year..].strip_prefix('〕') else {
            continue;
        };
        let number = rest.bytes().take_while(u8::is_ascii_digit).count();
        if number == 0 || !rest[number..].starts_with('号') {
            continue;
        }
        let end = text.len() - rest.len() + number + '号'.len_utf8();
        let issuer: usize = text[..at]
            .chars()
            .rev()
            .take_while(|&c| in_issuer(c))
            .take(ISSUER)
            .map(char::len_utf8)
            .sum();
        numbers.push(at - issuer..end);
    }
    numbers
}

/// The most characters of an issuer's code a document number keeps with it (工信部企业函).
const ISSUER: usize = 6;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_breaks_between_characters_but_not_before_closing_punctuation_or_in_titles() {
        assert_eq!(pieces("甲乙、丙"), ["甲", "乙、", "丙"]);
        assert_eq!(
            pieces("按《关于促进》执行"),
            ["按", "《关于促进》", "执", "行"]
        );
        assert_eq!(
            pieces("“专精特新”企业"),
            ["“专", "精", "特", "新”", "企", "业"]
        );
        assert_eq!(pieces("200家"), ["200家"]);
        assert_eq!(
            pieces("（渝府办发〔2022〕23号）精神"),
            ["（渝府办发〔2022〕23号）", "精", "神"]
        );
        assert_eq!(
            pieces("于武隆府办发〔2022〕48号执行"),
            ["于武隆府办发〔2022〕48号", "执", "行"]
        );
        assert_eq!(
            pieces("根据印发的渝府办发〔2022〕23号和武隆府办发〔2022〕48号"),
            [
                "根",
                "据",
                "印",
                "发的渝府办发〔2022〕23号",
                "和武隆府办发〔2022〕48号"
            ]
        );
        assert_eq!(pieces("select, on a"), ["select, ", "on ", "a"]);
    }

    #[test]
    fn prose_wraps_within_its_width_and_whole_columns_keep_theirs() {
        let lines = wrap(
            "全面落实“专精特新”企业首台（套）装备、首批次材料、首版次软件应用政策。",
            12,
        );
        assert!(lines.iter().all(|l| l.width() <= 12), "{lines:?}");
        assert!(
            lines.iter().all(|l| !l.starts_with(['、', '。', '）'])),
            "{lines:?}"
        );
        let mut grid = Grid::new(&["measure", "amount", "text"]);
        grid.add_row(vec![
            "task-28-m1".into(),
            "1,000,000 CNY".into(),
            "newly recognised national-level “little giant” enterprises receive a reward".into(),
        ]);
        let table = grid.render(50);
        assert!(table.lines().all(|l| l.width() <= 50), "{table}");
        assert!(
            table.contains("task-28-m1") && table.contains("1,000,000 CNY"),
            "{table}"
        );
    }

    #[test]
    fn an_id_wider_than_its_column_breaks_after_a_hyphen() {
        assert_eq!(
            wrap("rd-deduction-filing-threshold", 16),
            ["rd-deduction-", "filing-threshold"]
        );
        // Without a hyphen it is cut where it must be; so it is at a leading hyphen or one
        // that would leave a stub, and a narrow column never gets a line of a lone hyphen.
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("-abcdefgh", 4), ["-abc", "defg", "h"]);
        assert_eq!(wrap("a-bcdefgh", 6), ["a-bcde", "fgh"]);
        for width in 3..12 {
            let lines = wrap("rd-deduction-filing-threshold", width);
            assert!(
                lines.iter().all(|l| l != "-" && l.width() <= width),
                "{lines:?}"
            );
            assert_eq!(lines.concat(), "rd-deduction-filing-threshold");
        }
    }
}
