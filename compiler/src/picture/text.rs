//! Measuring and wrapping text for the SVG drawing, in a monospace font:
//! a character is one cell, a wide one (East Asian ideographs, emoji) two.

/// Pixels per cell at the drawing's font size (12 px monospace: 0.6 em).
pub const CELL: f64 = 7.2;
/// Pixels per line of text.
pub const LINE: f64 = 16.0;

/// The cells `text` takes.
pub fn cells(text: &str) -> usize {
    text.chars().map(width).sum()
}

fn width(c: char) -> usize {
    match u32::from(c) {
        0x1100..=0x115F
        | 0x2E80..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1FAFF
        | 0x20000..=0x3FFFD => 2,
        _ => 1,
    }
}

/// `text` in lines of at most `max` cells, broken at spaces, and inside a
/// word longer than a line.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let w = cells(word);
        if used > 0 && used + 1 + w <= max {
            line.push(' ');
            line.push_str(word);
            used += 1 + w;
            continue;
        }
        if used > 0 {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        for c in word.chars() {
            if used + width(c) > max && used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(c);
            used += width(c);
        }
    }
    if used > 0 || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_break_at_spaces_and_inside_long_words() {
        assert_eq!(wrap("a bb ccc", 4), ["a bb", "ccc"]);
        assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(wrap("", 3), [""]);
        // An emoji takes two cells.
        assert_eq!(wrap("🌍🌍🌍", 4), ["🌍🌍", "🌍"]);
        assert!(wrap("x y z w v u", 3).iter().all(|l| cells(l) <= 3));
    }
}
