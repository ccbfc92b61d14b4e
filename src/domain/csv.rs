//! Comma-separated files people open in a spreadsheet.

/// A field, quoted when it holds a comma, quote or line break.
pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A field of free text (a name someone typed): as [`field`], and a leading `=`, `+`, `-`, `@`
/// or tab is preceded by `'` so that a spreadsheet shows it instead of running it as a formula.
pub fn text(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        field(&format!("'{s}"))
    } else {
        field(s)
    }
}

/// One line: the fields joined by commas, ended by CRLF as RFC 4180 asks.
pub fn line<S: AsRef<str>>(fields: &[S]) -> String {
    let mut out = fields
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(",");
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        assert_eq!(field("Central Kitchen"), "Central Kitchen");
        assert_eq!(field("Kitchen, north"), "\"Kitchen, north\"");
        assert_eq!(field("the \"big\" one"), "\"the \"\"big\"\" one\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn typed_text_cannot_become_a_formula() {
        assert_eq!(text("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(text("+86 shop"), "'+86 shop");
        assert_eq!(text("@store"), "'@store");
        assert_eq!(text("Store 5"), "Store 5");
    }

    #[test]
    fn a_line_ends_with_crlf() {
        assert_eq!(line(&["a", "b", ""]), "a,b,\r\n");
    }
}
