//! The JSON pointer of the value at a position in JSON text: where a deserialisation error
//! happened, from the line and column serde_json reports.
//!
//! serde_json places an error where the reader stands when the error passes one of its
//! `deserialize_*` calls: right after the offending value for type errors and for errors
//! our visitors raise (`Dec`, `Date` are visitors for that reason), after the closing `}`
//! for a missing field (the pointer then names the object). An error raised after a
//! visitor returned would be placed after the enclosing object instead.
//!
//! This replaces tracking the path during deserialisation (serde_path_to_error wraps every
//! `Deserialize` impl, costing time on every label and ~190 KB of WebAssembly); the text is
//! scanned only when there is an error to report.

/// One open container on the way to the position.
enum Frame {
    /// An object; `key` is the member whose value the scan is in (or whose key it just read).
    Object { key: Option<String> },
    /// An array and the index of the element the scan is in.
    Array { index: usize },
}

/// The byte offset of a 1-based line and column as serde_json counts them (columns in
/// bytes); `None` past the end.
pub fn offset_of(bytes: &[u8], line: usize, column: usize) -> Option<usize> {
    let mut start = 0;
    for _ in 1..line {
        start += bytes.get(start..)?.iter().position(|&b| b == b'\n')? + 1;
    }
    Some((start + column).min(bytes.len()))
}

/// The pointer of the innermost value open at byte `offset` of `bytes` (valid JSON up to
/// there, as it was for serde_json to get that far). An object member counts as open from its
/// key on: an unknown or misspelt field names itself.
pub fn pointer_at(bytes: &[u8], offset: usize) -> String {
    let end = offset.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => stack.push(Frame::Object { key: None }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key }) => *key = None,
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            b'"' => {
                let (text, next) = read_string(bytes, i + 1);
                if let Some(Frame::Object { key }) = stack.last_mut() {
                    // A string where no key is set yet is the key; otherwise a value.
                    if key.is_none() {
                        *key = Some(text);
                    }
                }
                i = next;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    let mut out = String::new();
    for f in &stack {
        match f {
            Frame::Object { key: Some(k) } => {
                out.push('/');
                out.push_str(&k.replace('~', "~0").replace('/', "~1"));
            }
            Frame::Object { key: None } => {}
            Frame::Array { index } => {
                out.push('/');
                out.push_str(&index.to_string());
            }
        }
    }
    out
}

/// Reads a string body starting after its opening quote: (decoded text, index after the
/// closing quote). Undecodable escapes are kept as written; an unterminated string runs to
/// the end.
fn read_string(bytes: &[u8], mut i: usize) -> (String, usize) {
    let mut out: Vec<u8> = Vec::new();
    while i < bytes.len() {
        match bytes[i] {
            b'"' => return (String::from_utf8_lossy(&out).into_owned(), i + 1),
            b'\\' if i + 1 < bytes.len() => {
                let e = bytes[i + 1];
                i += 2;
                let simple = match e {
                    b'n' => Some(b'\n'),
                    b't' => Some(b'\t'),
                    b'r' => Some(b'\r'),
                    b'b' => Some(0x08),
                    b'f' => Some(0x0c),
                    b'u' => None,
                    other => Some(other),
                };
                match simple {
                    Some(b) => out.push(b),
                    None => {
                        let (c, used) = unicode_escape(bytes, i);
                        let mut buf = [0u8; 4];
                        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                        i += used;
                    }
                }
                continue;
            }
            b => out.push(b),
        }
        i += 1;
    }
    (String::from_utf8_lossy(&out).into_owned(), i)
}

/// `XXXX` (and a following `\uXXXX` low surrogate) after `\u` at `i`: the character and
/// the bytes used. A malformed escape gives U+FFFD.
fn unicode_escape(bytes: &[u8], i: usize) -> (char, usize) {
    let hex = |at: usize| {
        bytes
            .get(at..at + 4)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u32::from_str_radix(h, 16).ok())
    };
    let Some(hi) = hex(i) else {
        return ('\u{fffd}', 0);
    };
    if (0xD800..0xDC00).contains(&hi) && bytes.get(i + 4..i + 6) == Some(b"\\u") {
        if let Some(lo) = hex(i + 6).filter(|lo| (0xDC00..0xE000).contains(lo)) {
            let c = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
            return (char::from_u32(c).unwrap_or('\u{fffd}'), 10);
        }
    }
    (char::from_u32(hi).unwrap_or('\u{fffd}'), 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, needle: &str) -> String {
        let off = text.find(needle).expect("needle") + needle.len();
        pointer_at(text.as_bytes(), off)
    }

    #[test]
    fn names_members_and_elements() {
        let t = r#"{"a": {"b": [1, {"c": "x"}, 3]}, "d/e~": 5}"#;
        assert_eq!(at(t, r#""c": "x""#), "/a/b/1/c");
        assert_eq!(at(t, "3"), "/a/b/2");
        assert_eq!(at(t, "5"), "/d~1e~0");
        assert_eq!(at(t, r#"{"a": {"#), "/a");
        assert_eq!(pointer_at(t.as_bytes(), t.len()), "");
    }

    #[test]
    fn decodes_escaped_keys_and_ignores_brackets_in_strings() {
        let t = r#"{"k\u00e9y\"": ["[{", {"\ud83d\ude00": 1}]}"#;
        assert_eq!(at(t, "1"), "/kéy\"/1/😀");
    }

    #[test]
    fn offsets_from_line_and_column() {
        let t = b"{\n  \"a\": 1,\n  \"b\": x\n}";
        let off = offset_of(t, 3, 8).expect("offset");
        assert_eq!(&t[off - 1..off], b"x");
        assert_eq!(pointer_at(t, off), "/b");
        assert_eq!(offset_of(t, 9, 1), None);
    }
}
