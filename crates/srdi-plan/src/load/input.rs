//! Phase zero of loading: the raw input, before any JSON. Its size is checked before it is
//! read or decoded, its encoding before it is parsed, so that every surface gives the same
//! code for the same bytes: `too_large`, `invalid_encoding`, or a `byte_order_mark` warning.

use std::io::Read;
use std::path::Path;

use crate::error::{Code, Issue, PlanError};
use crate::load::MAX_INPUT_BYTES;

/// The UTF-8 byte order mark, as a character.
const BOM: char = '\u{feff}';

/// Refuses an input of `len` bytes over the size limit, before it is read or copied.
///
/// # Errors
///
/// [`PlanError::Limit`] with code `too_large`.
pub fn check_size(len: usize) -> Result<(), PlanError> {
    too_large(len, "")
}

/// Refuses a text of `len` characters (or UTF-16 code units) over the size limit before it is
/// encoded as UTF-8, which takes at least one byte for each.
///
/// # Errors
///
/// [`PlanError::Limit`] with code `too_large`.
pub fn check_text_size(len: usize) -> Result<(), PlanError> {
    too_large(len, "at least ")
}

fn too_large(len: usize, bound: &str) -> Result<(), PlanError> {
    if len <= MAX_INPUT_BYTES {
        return Ok(());
    }
    let message =
        format!("the input is {bound}{len} bytes; inputs are limited to {MAX_INPUT_BYTES} bytes");
    Err(PlanError::Limit(Issue::new(Code::TooLarge, "", message)))
}

/// The text of `bytes`: UTF-8, within the size limit.
pub(crate) fn decode(bytes: &[u8]) -> Result<&str, PlanError> {
    check_size(bytes.len())?;
    if let Some(encoding) = utf16_or_32(bytes) {
        let message = format!(
            "the input looks like {encoding}, not UTF-8 (it has {}); save it as UTF-8",
            if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
                "a UTF-32 byte order mark"
            } else if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
                "a UTF-16 byte order mark"
            } else {
                "NUL bytes between its first characters"
            }
        );
        return Err(encoding_error(message, 0, ""));
    }
    std::str::from_utf8(bytes).map_err(|error| {
        let offset = error.valid_up_to();
        let before = bytes.get(..offset).unwrap_or_default();
        let before = std::str::from_utf8(before).unwrap_or_default();
        let message = match error.error_len() {
            None => format!(
                "the input ends inside a multi-byte UTF-8 character (at byte {offset}): it \
                 was cut short"
            ),
            Some(len) => {
                let bad: Vec<String> = bytes
                    .iter()
                    .skip(offset)
                    .take(len)
                    .map(|b| format!("{b:02X}"))
                    .collect();
                // ED A0–BF …: a UTF-16 surrogate written as if it were a character.
                let surrogate = matches!(bytes.get(offset..offset + 2), Some([0xED, 0xA0..=0xBF]));
                if surrogate {
                    format!(
                        "the input is not UTF-8: byte {offset} (ED) starts a UTF-16 surrogate, \
                         which UTF-8 does not encode (a lone surrogate, or a pair saved one \
                         half at a time)"
                    )
                } else {
                    format!(
                        "the input is not UTF-8: byte {offset} ({}) starts no character",
                        bad.join(" ")
                    )
                }
            }
        };
        encoding_error(message, offset, before)
    })
}

/// `Some("UTF-16")` or `Some("UTF-32")` when `bytes` starts with a UTF-16 byte order mark or
/// has NUL bytes among its first four, as UTF-16 and UTF-32 text of JSON does (two NULs side
/// by side only in UTF-32). Fewer than four bytes are too few to tell.
fn utf16_or_32(bytes: &[u8]) -> Option<&'static str> {
    let bom = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    let head = bytes.get(..4).unwrap_or_default();
    if head.windows(2).any(|pair| pair == [0, 0]) {
        Some("UTF-32")
    } else if bom || head.contains(&0) {
        Some("UTF-16")
    } else {
        None
    }
}

/// An `invalid_encoding` error at byte `offset`, located by the text that precedes it.
fn encoding_error(message: String, offset: usize, before: &str) -> PlanError {
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .unwrap_or_default()
        .chars()
        .count()
        + 1;
    let mut issue = Issue::new(Code::InvalidEncoding, "", message).at(line, column);
    issue.offset = Some(offset);
    PlanError::Syntax(issue)
}

/// `text` without a leading byte order mark, and the warning that says it was there.
pub(crate) fn strip_bom(text: &str) -> (&str, Option<Issue>) {
    match text.strip_prefix(BOM) {
        Some(rest) => {
            let message = "the input starts with a byte order mark (U+FEFF), which JSON does \
                           not use; it was ignored";
            (rest, Some(Issue::new(Code::ByteOrderMark, "", message)))
        }
        None => (text, None),
    }
}

/// A plan file's bytes. A file whose size is over the limit is refused before it is read;
/// one whose size the system does not know (a pipe) is read to one byte past the limit.
///
/// # Errors
///
/// [`FileError::Unreadable`] if the file cannot be opened or read, [`FileError::Plan`] with
/// code `too_large` if it is over the size limit.
pub fn read_file(path: &Path) -> Result<Vec<u8>, FileError> {
    let unreadable = |error| FileError::Unreadable {
        path: path.to_owned(),
        error,
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let size = file.metadata().map_err(unreadable)?.len();
    check_size(usize::try_from(size).unwrap_or(usize::MAX))?;
    let limit = u64::try_from(MAX_INPUT_BYTES)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or_default());
    file.take(limit)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    check_size(bytes.len())?;
    Ok(bytes)
}

/// Why a plan file could not be loaded: the file itself, or its content.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FileError {
    /// The file could not be opened or read (missing, a directory, no permission).
    #[error("cannot read {}: {error}", path.display())]
    Unreadable {
        /// The file.
        path: std::path::PathBuf,
        /// Why.
        #[source]
        error: std::io::Error,
    },
    /// The content is not a valid plan (or is over a limit).
    #[error(transparent)]
    Plan(#[from] PlanError),
    /// The content is not a valid input: a profile, scenario or set of observations (or is
    /// over a limit), as the same bytes given directly would be.
    #[error(transparent)]
    Input(crate::QueryError),
}

impl FileError {
    /// Every issue of the content; none for a file that could not be read.
    pub fn issues(&self) -> &[Issue] {
        match self {
            Self::Plan(error) => error.issues(),
            Self::Input(error) => error.issues(),
            Self::Unreadable { .. } => &[],
        }
    }
}

/// The bytes of an input file (a profile, scenario or observations), read as [`read_file`]
/// reads a plan's: one over the size limit is [`FileError::Input`] with `invalid_input`, as
/// the same bytes given to a reader directly are.
///
/// # Errors
///
/// [`FileError::Unreadable`] if the file cannot be opened or read, [`FileError::Input`] if
/// it is over the size limit.
pub fn read_input_file(path: &Path) -> Result<Vec<u8>, FileError> {
    read_file(path).map_err(|error| match error {
        FileError::Plan(error) => FileError::Input(super::invalid_input(&error)),
        other => other,
    })
}
