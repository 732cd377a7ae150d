//! Golden tests of the layout: small inputs and their exact outputs.

use super::{format_source, FormatError};
use crate::code::Code;

#[track_caller]
fn assert_formats(input: &str, expected: &str) {
    let output = format_source(input);
    assert_eq!(output.as_deref(), Ok(expected), "\n--- input\n{input}");
    assert_eq!(
        format_source(expected).as_deref(),
        Ok(expected),
        "the expected output is not stable"
    );
}

#[test]
fn fields_one_per_line_one_level_deeper() {
    assert_formats(
        "cluster c \"C\" { bets_on : s   needs: a,b }\n",
        "cluster c \"C\" {\n    bets_on: s\n    needs: a, b\n}\n",
    );
}

#[test]
fn a_string_among_names_is_kept_as_written() {
    // E0206, not a syntax error: the file is formatted, the quotes kept.
    assert_formats(
        "cluster c { needs: \"a\",b, \"c\" }\n",
        "cluster c {\n    needs: \"a\", b, \"c\"\n}\n",
    );
}

#[test]
fn actor_kind_sticks_to_the_name() {
    assert_formats(
        "actor a : campaign \"A\" {in: c}",
        "actor a: campaign \"A\" {\n    in: c\n}\n",
    );
}

#[test]
fn empty_block_and_blockless_keep_their_form() {
    assert_formats(
        "actor a { }\nactor b\n\ncapability x {\n\n}\n",
        "actor a {}\nactor b\n\ncapability x {}\n",
    );
}

#[test]
fn one_line_declarations_of_one_kind_stay_adjacent() {
    assert_formats(
        "capability a \"A\"\ncapability b\n\n\ncapability c\nscenario s\nscenario t\ncluster k {\n}\ncluster l {}\n",
        "capability a \"A\"\ncapability b\n\ncapability c\n\nscenario s\nscenario t\n\ncluster k {}\ncluster l {}\n",
    );
}

#[test]
fn declarations_with_blocks_are_separated_by_one_blank_line() {
    assert_formats(
        "scenario s\ncluster a { bets_on: s }\ncluster b { bets_on: s }\n\n\n\non s { activate: a }",
        "scenario s\n\ncluster a {\n    bets_on: s\n}\n\ncluster b {\n    bets_on: s\n}\n\non s {\n    activate: a\n}\n",
    );
}

#[test]
fn imports_stay_adjacent() {
    assert_formats(
        "import \"a.eco\"\nimport   \"b.eco\"\ncapability x\n",
        "import \"a.eco\"\nimport \"b.eco\"\n\ncapability x\n",
    );
}

#[test]
fn a_list_that_overflows_takes_one_entry_per_line() {
    assert_formats(
        "cluster c {\n    needs: communications, coordination, digital_security, legal_support, spokespeople\n    cohesion: tight\n}\n",
        "cluster c {\n    needs:\n        communications,\n        coordination,\n        digital_security,\n        legal_support,\n        spokespeople\n    cohesion: tight\n}\n",
    );
}

#[test]
fn a_list_that_fits_in_80_columns_stays_on_its_line() {
    // 80 columns exactly.
    let line = "    provides: aaaaaaaaaa, bbbbbbbbbb, cccccccccc, dddddddddd, eeeeeeeeee, ffffff";
    assert_eq!(line.chars().count(), 80);
    let input = format!("actor a {{\n{line}\n}}\n");
    assert_formats(&input, &input);
    let long = format!("actor a {{\n{line}g\n}}\n");
    assert_formats(
        &long,
        "actor a {\n    provides:\n        aaaaaaaaaa,\n        bbbbbbbbbb,\n        cccccccccc,\n        dddddddddd,\n        eeeeeeeeee,\n        ffffffg\n}\n",
    );
}

#[test]
fn a_long_among_list_breaks_too() {
    assert_formats(
        "bridge b among first_cluster, second_cluster, third_cluster, fourth_cluster \"B\" { via: x }",
        "bridge b among\n    first_cluster,\n    second_cluster,\n    third_cluster,\n    fourth_cluster \"B\" {\n    via: x\n}\n",
    );
}

#[test]
fn between_bridges_keep_their_header() {
    assert_formats("bridge b between  x   and y", "bridge b between x and y\n");
}

#[test]
fn adjacent_strings_stay_separate_and_aligned() {
    assert_formats(
        "cluster c \"one \" \"two\" {\n  strategy: \"a \"   \"b\\\"c\"\n\"d\\n\"\n}\n",
        "cluster c \"one \"\n          \"two\" {\n    strategy: \"a \"\n              \"b\\\"c\"\n              \"d\\n\"\n}\n",
    );
}

#[test]
fn a_long_label_is_not_split() {
    let label = "x".repeat(90);
    let input = format!("capability c \"{label}\"\n");
    assert_formats(&input, &input);
}

#[test]
fn attributes_go_above_their_declaration() {
    assert_formats(
        "/// doc\n@allow( critical-bridge ,orphan-actor, ) @allow(x) bridge b between a and c",
        "/// doc\n@allow(critical-bridge, orphan-actor)\n@allow(x)\nbridge b between a and c\n",
    );
}

#[test]
fn intervention_members_and_extends() {
    assert_formats(
        "intervention i \"I\" { goal: \"g\"\n pathway: \"p\"\n    \"q\"\nbridge conf between a and b { via: x form: conference }\n\n\n@allow(orphan-actor) extend actor lawyers { provides: y }\nextend on s {support: a} actor n: union\n}",
        "intervention i \"I\" {\n    goal: \"g\"\n    pathway: \"p\"\n             \"q\"\n    bridge conf between a and b {\n        via: x\n        form: conference\n    }\n\n    @allow(orphan-actor)\n    extend actor lawyers {\n        provides: y\n    }\n    extend on s {\n        support: a\n    }\n    actor n: union\n}\n",
    );
}

#[test]
fn comments_before_items_stay_with_them() {
    assert_formats(
        "// file header\n\n\n// about a\ncapability a\n/// doc of s\n\n/// more\nscenario s\n",
        "// file header\n\n// about a\ncapability a\n\n/// doc of s\n\n/// more\nscenario s\n",
    );
}

#[test]
fn trailing_comments_stay_on_their_line() {
    assert_formats(
        "capability a   // aligned\ncapability bb  // aligned\ncluster c { // opens\n    needs: a // needs\n} // closes\n",
        "capability a   // aligned\ncapability bb  // aligned\n\ncluster c { // opens\n    needs: a // needs\n} // closes\n",
    );
}

#[test]
fn a_trailing_comment_after_moved_code_gets_one_space() {
    assert_formats(
        "cluster c {\n  needs: a       // moved\n}\n",
        "cluster c {\n    needs: a // moved\n}\n",
    );
}

#[test]
fn comments_inside_a_block_and_before_its_close() {
    assert_formats(
        "cluster c {\n\n// first\nbets_on: s\n\n\n   // between\n\ncohesion: tight\n// last\n\n}\n",
        "cluster c {\n    // first\n    bets_on: s\n\n    // between\n\n    cohesion: tight\n    // last\n}\n",
    );
}

#[test]
fn a_block_with_only_a_comment_is_not_empty() {
    assert_formats(
        "actor a { // nothing yet\n\n}\nactor b {\n// nothing\n}",
        "actor a { // nothing yet\n}\n\nactor b {\n    // nothing\n}\n",
    );
}

#[test]
fn comments_inside_a_list_break_it() {
    assert_formats(
        "cluster c { needs: a, // one\n b // two\n , c }\n",
        "cluster c {\n    needs:\n        a, // one\n        b, // two\n        c\n}\n",
    );
}

#[test]
fn a_comment_inside_a_header_breaks_it() {
    assert_formats(
        "actor a // the name\n : union {}\n",
        "actor a: // the name\n    union {}\n",
    );
    assert_formats(
        "cluster c \"a\" // part one\n \"b\"\n",
        "cluster c \"a\" // part one\n          \"b\"\n",
    );
    assert_formats(
        "on s {\n    support: // why\n        c\n}\n",
        "on s {\n    support: // why\n        c\n}\n",
    );
}

#[test]
fn comments_at_the_end_of_the_file() {
    assert_formats(
        "capability a\n\n\n// the end\n// really\n\n",
        "capability a\n\n// the end\n// really\n",
    );
}

#[test]
fn comment_only_and_empty_files() {
    assert_formats("// only\n", "// only\n");
    assert_formats("", "");
    assert_formats("\n\n  \n", "");
}

#[test]
fn trailing_spaces_are_removed_from_comments() {
    assert_formats(
        "// x   \ncapability a // y \t\n",
        "// x\ncapability a // y\n",
    );
}

#[test]
fn crlf_is_kept_and_lf_is_the_default() {
    assert_formats(
        "capability a\r\ncluster c { needs: a } // n\r\n",
        "capability a\r\n\r\ncluster c {\r\n    needs: a\r\n} // n\r\n",
    );
    assert_formats("capability a\r\n", "capability a\r\n");
}

#[test]
fn a_bom_is_kept() {
    assert_formats("\u{feff}capability a  \n", "\u{feff}capability a\n");
}

#[test]
fn non_ascii_names_count_characters() {
    // 80 characters wide, more than 80 bytes: stays on its line.
    let names = [
        "çevre_derneği",
        "öğrenci_kolektifi",
        "işçi_sendikası",
        "kadın_meclisi",
    ];
    let line = format!("    provides: {}", names.join(", "));
    let pad = 80 - line.chars().count();
    let line = format!("{line}, {}", "é".repeat(pad - 2));
    assert_eq!(line.chars().count(), 80);
    let input = format!("actor dayanışma {{\n{line}\n}}\n");
    assert_formats(&input, &input);
    assert_formats(
        "cluster çevre \"Çevre\"  \"ağı\"",
        "cluster çevre \"Çevre\"\n              \"ağı\"\n",
    );
}

#[test]
fn the_ecosystem_header() {
    assert_formats(
        "ecosystem \"All In\" {task: \"System change\"}",
        "ecosystem \"All In\" {\n    task: \"System change\"\n}\n",
    );
    assert_formats("ecosystem {}", "ecosystem {}\n");
}

#[test]
fn a_syntax_error_is_not_formatted() {
    let Err(FormatError::Syntax {
        code, span, count, ..
    }) = format_source("cluster c {\n  needs a\n}\ncapability ¤\n")
    else {
        panic!("formatted a file with syntax errors");
    };
    assert_eq!(code, Code::E0101);
    assert_eq!(span.start, 20);
    assert!(count >= 2);
    assert!(matches!(
        format_source("capability a \"oops\n"),
        Err(FormatError::Syntax {
            code: Code::E0102,
            ..
        })
    ));
    assert!(matches!(
        format_source("capability a\u{a0}b\n"),
        Err(FormatError::Syntax {
            code: Code::E0103,
            ..
        })
    ));
}

#[test]
fn a_syntax_error_after_a_bom_is_placed_in_the_given_text() {
    let Err(FormatError::Syntax { span, .. }) = format_source("\u{feff}capability {") else {
        panic!("formatted a file with syntax errors");
    };
    assert_eq!(span.start, 3 + 11);
}
