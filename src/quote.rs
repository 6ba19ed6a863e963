//! Quoting what a user wrote in a message: a value, a sentence, a line.
//! Shared by the store (whose errors quote a bad value) and the audit.

use std::borrow::Cow;

/// Text fit to quote in a report: control characters made visible, runs of
/// white space collapsed, and at most `max` characters around the middle.
pub fn quote(text: &str, max: usize) -> Cow<'_, str> {
    // Most prose needs none of that: it is quoted as it is.
    if is_quotable(text, max) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len().min(max * 4));
    let mut space = false;
    for c in text.trim().chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
            continue;
        }
        space = false;
        if c.is_control() {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    let count = out.chars().count();
    if count <= max {
        return Cow::Owned(out);
    }
    let keep: String = out.chars().take(max.saturating_sub(1)).collect();
    Cow::Owned(format!("{keep}…"))
}

/// Whether [`quote`] would return `text` unchanged: no white space at either
/// end, none but single spaces inside, no control characters, at most `max`
/// characters.
fn is_quotable(text: &str, max: usize) -> bool {
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut count = 0;
    let mut space = false;
    for c in text.chars() {
        count += 1;
        if c == ' ' {
            if space {
                return false;
            }
            space = true;
            continue;
        }
        space = false;
        if c.is_whitespace() || c.is_control() {
            return false;
        }
    }
    count <= max
}
