//! The last line of human and short output, and how much they print.

/// What human and short output print at most; JSON, SARIF and GitHub never cap.
pub const PRINT_CAP: usize = 200;

/// `2 errors, 1 warning, 3 notes`
pub fn counts(errors: usize, warnings: usize, notes: usize) -> String {
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("{n} {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    format!(
        "{}, {}, {}",
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(notes, "note")
    )
}
