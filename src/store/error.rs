//! Errors from reading and writing review files, in plain English with file:line:col.

use std::io;
use std::path::PathBuf;

use ron::error::{Error as RonError, SpannedError};

/// Everything that can go wrong with a review file. Display gives `file:line:col: message`
/// where a position applies, so editors and terminals can jump to it.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: cannot read the file: {}", path.display(), plain_io(source))]
    Read { path: PathBuf, source: io::Error },
    #[error("{}: the file is {} MiB; PeerBrief opens files up to {} MiB — is this really a review?", path.display(), size / (1024 * 1024), limit / (1024 * 1024))]
    TooLarge { path: PathBuf, size: u64, limit: u64 },
    #[error("{}:{line}:{col}: the file is not UTF-8 text (invalid byte 0x{byte:02X}); save it as UTF-8", path.display())]
    NotUtf8 { path: PathBuf, line: usize, col: usize, byte: u8 },
    #[error("{}: the file is empty; a review file starts with `PeerReview(`", path.display())]
    Empty { path: PathBuf },
    #[error("{}:{line}:{col}: {message}", path.display())]
    Parse { path: PathBuf, line: usize, col: usize, message: String },
    #[error("{}: this file was written by a newer PeerBrief (format version {found}); this version reads up to format version {supported}. Update PeerBrief to open it.", path.display())]
    NewerVersion { path: PathBuf, found: u32, supported: u32 },
    #[error("{}: cannot migrate from format version {found}: {message}", path.display())]
    Migration { path: PathBuf, found: u32, message: String },
    #[error("{}: cannot save: {}", path.display(), plain_io(source))]
    Write { path: PathBuf, source: io::Error },
    #[error("{}: cannot save: {message}", path.display())]
    Serialize { path: PathBuf, message: String },
    /// An agenda item of a committee pack could not be used.
    #[error("{}: agenda item {number}{}: {message}", path.display(), if title.is_empty() { String::new() } else { format!(" ({title})") })]
    PackItem { path: PathBuf, number: usize, title: String, message: String },
}

impl StoreError {
    /// The line and column (1-based) the error points at, if any.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            StoreError::Parse { line, col, .. } | StoreError::NotUtf8 { line, col, .. } => Some((*line, *col)),
            _ => None,
        }
    }
}

/// An I/O error as a sentence a council officer understands.
pub fn plain_io(e: &io::Error) -> String {
    use io::ErrorKind as K;
    let what = match e.kind() {
        K::NotFound => "the file or folder does not exist",
        K::PermissionDenied => "permission denied (the file or folder is read-only, or you lack access)",
        K::ReadOnlyFilesystem => "the drive is read-only",
        K::StorageFull | K::QuotaExceeded => "the disk is full (or your quota is used up)",
        K::FileTooLarge => "the file is larger than this system allows",
        K::IsADirectory => "that is a folder, not a file",
        K::InvalidFilename => "the file name is not valid here",
        _ => return e.to_string(),
    };
    format!("{what} ({e})")
}

/// Turns ron's error codes into what a person needs to fix the file.
pub fn describe_ron_error(code: &RonError) -> String {
    let list = |names: &[&str]| names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
    let within = |outer: &Option<String>| outer.as_ref().map(|o| format!(" in {o}")).unwrap_or_default();
    match code {
        RonError::Eof => "the file ends too early: a closing `)` or `]` or the rest of a value is missing".into(),
        RonError::ExpectedComma => "expected a comma between two values".into(),
        RonError::ExpectedString | RonError::ExpectedStringEnd => "expected text in double quotes, like \"…\"".into(),
        RonError::ExpectedInteger => "expected a whole number".into(),
        RonError::ExpectedBoolean => "expected `true` or `false`".into(),
        RonError::ExpectedOption => "expected `None` or `Some(…)`".into(),
        RonError::ExpectedArray => "expected a list in square brackets, like [ … ]".into(),
        RonError::ExpectedArrayEnd => "expected `]` to close the list (or a comma before the next item)".into(),
        RonError::ExpectedStructLike | RonError::ExpectedNamedStructLike(_) => {
            "expected a group of fields in brackets, like ( … )".into()
        }
        RonError::ExpectedStructLikeEnd => {
            "expected `)` to close the group of fields (or a comma before the next field)".into()
        }
        RonError::ExpectedMapColon => "expected `:` after the field name".into(),
        RonError::ExpectedIdentifier => "expected a field name".into(),
        RonError::ExpectedDifferentStructName { expected, found } => {
            format!("expected `{expected}(` here but found `{found}(`; is this a PeerBrief file of another kind?")
        }
        RonError::TrailingCharacters => {
            "unexpected text after the end of the review; the review's closing `)` comes too early".into()
        }
        RonError::UnexpectedChar(c) => format!("unexpected character {c:?}"),
        RonError::UnclosedBlockComment => "a /* comment */ is never closed".into(),
        RonError::InvalidEscape(what) => format!("invalid escape in text: {what}"),
        RonError::IntegerOutOfBounds => "the number is too large".into(),
        RonError::ExceededRecursionLimit => "the file is nested too deeply".into(),
        RonError::NoSuchStructField { expected, found, outer } => {
            format!("unknown field `{found}`{}; expected one of {}", within(outer), list(expected))
        }
        RonError::MissingStructField { field, outer } => format!("missing field `{field}`{}", within(outer)),
        RonError::DuplicateStructField { field, outer } => format!("field `{field}` appears twice{}", within(outer)),
        RonError::NoSuchEnumVariant { expected, found, outer } => {
            format!("`{found}` is not allowed{}; expected one of {}", within(outer), list(expected))
        }
        RonError::InvalidValueForType { expected, found } => format!("expected {expected} but found {found}"),
        RonError::Message(m) => m.clone(),
        other => other.to_string(),
    }
}

impl StoreError {
    /// A parse error in `text` (the file's contents), with its line and column.
    pub(crate) fn from_ron(path: &std::path::Path, text: &str, e: &SpannedError) -> StoreError {
        let (mut line, mut col) = (e.span.start.line.max(1), e.span.start.col.max(1));
        let mut message = describe_ron_error(&e.code);
        // A missing closing quote shows up as "no closing quote" at the end of the file, or, when a
        // later quote closed the string instead, as something odd right after that quote.
        let open = match e.code {
            RonError::ExpectedStringEnd | RonError::Eof => unclosed_string(text),
            RonError::ExpectedComma
            | RonError::ExpectedStructLikeEnd
            | RonError::ExpectedArrayEnd
            | RonError::ExpectedMapColon
            | RonError::TrailingCharacters => unclosed_string(text).filter(|s| s.next == Some((line, col))),
            _ => None,
        };
        if let Some(open) = open {
            // Point at the quote that was never closed, not at the end of the file.
            (line, col) = (open.line, open.col);
            message = format!(
                "text in double quotes is never closed: it starts at line {line}, column {col} with \"{}…\"; add the closing \" where that text ends",
                open.start
            );
        }
        StoreError::Parse { path: path.to_owned(), line, col, message }
    }
}

/// A string literal that was opened and not closed where it should have been.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct UnclosedString {
    /// 1-based line and column (in characters) of the opening quote.
    pub line: usize,
    pub col: usize,
    /// The first few words of its text.
    pub start: String,
    /// Where the first character after the quote that closed it instead is, if one did.
    pub next: Option<(usize, usize)>,
}

/// Finds the string whose closing quote is missing, reading `text` as RON does (comments, raw
/// strings, escapes). A missing quote pairs every later quote the wrong way round, so the string
/// left open at the end of the file is rarely the one at fault: the culprit is the first string
/// that "closes" somewhere a string cannot end, i.e. followed by something other than `,` `)`
/// `]` `:` or a comment. If there is none, it is the string still open at the end.
pub(crate) fn unclosed_string(text: &str) -> Option<UnclosedString> {
    let chars: Vec<char> = text.chars().collect();
    let (mut line, mut col) = (1, 1);
    let mut i = 0;
    // Advances over chars[i], keeping line and column.
    let step = |i: &mut usize, line: &mut usize, col: &mut usize| {
        if chars[*i] == '\n' {
            *line += 1;
            *col = 1;
        } else {
            *col += 1;
        }
        *i += 1;
    };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                step(&mut i, &mut line, &mut col);
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0usize;
            loop {
                if i + 1 >= chars.len() {
                    return None;
                }
                match (chars[i], chars[i + 1]) {
                    ('/', '*') => depth += 1,
                    ('*', '/') => depth -= 1,
                    _ => {}
                }
                let closing = chars[i] == '*' && chars[i + 1] == '/';
                step(&mut i, &mut line, &mut col);
                if closing {
                    step(&mut i, &mut line, &mut col);
                    if depth == 0 {
                        break;
                    }
                }
            }
        } else if c == '"' || (c == 'r' && raw_start(&chars, i).is_some()) {
            let (hashes, quote) = if c == '"' { (0, i) } else { raw_start(&chars, i)? };
            let (open_line, open_col) = (line, col);
            while i <= quote {
                step(&mut i, &mut line, &mut col);
            }
            let body = i;
            let mut closed = false;
            while i < chars.len() {
                if hashes == 0 && chars[i] == '\\' {
                    step(&mut i, &mut line, &mut col);
                    if i < chars.len() {
                        step(&mut i, &mut line, &mut col);
                    }
                    continue;
                }
                if chars[i] == '"' && (1..=hashes).all(|h| chars.get(i + h) == Some(&'#')) {
                    for _ in 0..=hashes {
                        step(&mut i, &mut line, &mut col);
                    }
                    closed = true;
                    break;
                }
                step(&mut i, &mut line, &mut col);
            }
            let mut next = None;
            let mut misplaced = false;
            if closed {
                while i < chars.len() && chars[i].is_whitespace() {
                    step(&mut i, &mut line, &mut col);
                }
                misplaced = chars.get(i).is_some_and(|a| !matches!(a, ',' | ')' | ']' | ':' | '/'));
                next = Some((line, col));
            }
            if !closed || misplaced {
                let start: String = chars[body..].iter().take_while(|c| **c != '\n' && **c != '"').take(40).collect();
                return Some(UnclosedString {
                    line: open_line,
                    col: open_col,
                    start,
                    next: next.filter(|_| misplaced),
                });
            }
        } else {
            step(&mut i, &mut line, &mut col);
        }
    }
    None
}

/// For `r#"` at `i` (not inside a name): the number of `#` and the index of the quote.
fn raw_start(chars: &[char], i: usize) -> Option<(usize, usize)> {
    if i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_') {
        return None;
    }
    let hashes = chars[i + 1..].iter().take_while(|c| **c == '#').count();
    (chars.get(i + 1 + hashes) == Some(&'"')).then_some((hashes, i + 1 + hashes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_string_at_fault_is_found_not_the_last_one_open() {
        let text = "PeerReview(\n    council: \"Worcestershire,\n    title: \"A title\",\n)";
        let found = unclosed_string(text).unwrap();
        assert_eq!((found.line, found.col, found.next), (2, 14, Some((3, 13))));
        assert_eq!(found.start, "Worcestershire,");
        // Open at the end of the file.
        let found = unclosed_string("A(\n  x: \"fine\",\n  y: \"never").unwrap();
        assert_eq!((found.line, found.col, found.start.as_str()), (3, 6, "never"));
        // Escapes, comments and raw strings are read as RON reads them.
        let ok = "A(x: \"say \\\"hi\\\"\", // a \" in a comment\n y: r#\"raw \" quote\"#, /* \" */ z: \"ok\")";
        assert_eq!(unclosed_string(ok), None);
    }
}
