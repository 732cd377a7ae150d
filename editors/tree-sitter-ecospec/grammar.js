/**
 * @file The ecospec language (the contract's sections 2 to 4) for tree-sitter.
 * @license MIT OR Apache-2.0
 *
 * The project's own parser (grammar/ in the repository) is the reference:
 * this grammar accepts the same files. Differences, each a choice of what
 * an editor needs rather than what the checker needs:
 * - a string left open at the end of its line ends there, as in the
 *   project's lexer, with a zero-width `missing_quote` node for its error
 *   (E0102); a `missing_close` node stands for a `}` the project's lexer
 *   supplies (see `externals`);
 * - a character that cannot start a token (E0103) is an ERROR node here,
 *   even inside a word (`kotti&co`), where the project's lexer keeps one name;
 * - an unknown escape (`\q`, E0102) parses, as `invalid_escape`, so a query
 *   can mark it.
 */

/// <reference types="tree-sitter-cli/dsl" />
// @ts-check

module.exports = grammar({
  name: 'ecospec',

  extras: $ => [/[ \t\r\n]/, $.comment, $.doc_comment],

  // Zero-width closes of a block left open before a declaration keyword
  // that begins a line where it cannot be nested (src/scanner.c). They
  // stand in the tree as `missing_close`: the syntax error the project's
  // parser reports there (tree-sitter has no way to make a node that
  // parsed an ERROR or MISSING one, so a consumer counts these too).
  // `_string_close` likewise ends a string left open at the end of its
  // line (`missing_quote`), which the project's lexer reports and reads on.
  externals: $ => [$._block_close, $._intervention_close, $._string_close],

  // Keywords are read as identifiers first and then matched, so a name
  // that starts with a keyword (`actors`, `online`) stays one name.
  word: $ => $.identifier,

  // The language's keywords are reserved everywhere, as in the project's
  // lexer (`actor bridge` is an error). The enum field names
  // (`enum_field_name`) are not keywords of the language and stay names.
  reserved: {
    global: _ => [
      'import', 'ecosystem', 'capability', 'scenario', 'cluster', 'actor',
      'bridge', 'between', 'and', 'among', 'on', 'intervention', 'extend',
    ],
  },

  rules: {
    source_file: $ => repeat(choice($.import, $._declaration)),

    import: $ => seq('import', field('path', $.text)),

    _declaration: $ => choice(
      $.ecosystem_declaration,
      $.capability_declaration,
      $.scenario_declaration,
      $.cluster_declaration,
      $.actor_declaration,
      $.bridge_declaration,
      $.on_declaration,
      $.intervention_declaration,
    ),

    // Attributes belong to the declaration they stand before: one shared
    // rule, so the parser need not know the declaration's kind to read them.
    _attributes: $ => repeat1($.attribute),

    attribute: $ => seq(
      '@',
      field('name', $.identifier),
      '(',
      optional(seq(
        field('argument', $.identifier),
        repeat(seq(',', field('argument', $.identifier))),
        optional(','),
      )),
      ')',
    ),

    ecosystem_declaration: $ => seq(
      optional($._attributes),
      'ecosystem',
      optional(field('label', $.text)),
      field('body', $.block),
    ),

    capability_declaration: $ => declaration($, 'capability'),
    scenario_declaration: $ => declaration($, 'scenario'),
    cluster_declaration: $ => declaration($, 'cluster'),

    actor_declaration: $ => declaration(
      $,
      'actor',
      optional(seq(':', field('kind', $.identifier))),
    ),

    bridge_declaration: $ => declaration(
      $,
      'bridge',
      choice(
        seq('between', field('end', $.identifier), 'and', field('end', $.identifier)),
        seq(
          'among',
          field('end', $.identifier),
          repeat1(seq(',', field('end', $.identifier))),
        ),
      ),
    ),

    // `on S { ... }`: the name is the scenario the rule is for.
    on_declaration: $ => seq(
      optional($._attributes),
      'on',
      field('scenario', $.identifier),
      field('body', $.block),
    ),

    intervention_declaration: $ => seq(
      optional($._attributes),
      'intervention',
      field('name', $.identifier),
      optional(field('label', $.text)),
      field('body', $.intervention_block),
    ),

    intervention_block: $ => seq(
      '{',
      repeat(choice(
        $.field,
        $.capability_declaration,
        $.scenario_declaration,
        $.cluster_declaration,
        $.actor_declaration,
        $.bridge_declaration,
        $.on_declaration,
        $.extend,
      )),
      choice('}', alias($._intervention_close, $.missing_close)),
    ),

    // `extend actor|cluster|bridge|on NAME { ... }`, only in an intervention.
    extend: $ => seq(
      optional($._attributes),
      'extend',
      field('kind', choice('actor', 'cluster', 'bridge', 'on')),
      field('name', $.identifier),
      field('body', $.block),
    ),

    block: $ => seq('{', repeat($.field), choice('}', alias($._block_close, $.missing_close))),

    field: $ => seq(
      field('name', choice($.identifier, $.enum_field_name)),
      ':',
      field('value', choice($.text, $.name_list)),
    ),

    // The fields whose values are enum words (the contract's section 3),
    // told apart in the tree so that a query can colour those words in
    // them only: a query cannot test a field's name without capturing it,
    // and tree-sitter-highlight drops a second match that captures a node
    // already captured. These words are keywords only where a field name
    // may stand (tree-sitter reads a word as a keyword only where the
    // keyword is valid): elsewhere they stay names (`cluster form`).
    enum_field_name: _ => choice('cohesion', 'strength', 'form', 'unity'),

    // `a, b, c`. A string may stand among the names (`a, "b"`): the
    // checker reports it, the parser reads it. A string alone is a text.
    name_list: $ => choice(
      seq($.identifier, repeat(seq(',', $._name_entry))),
      seq($.string, repeat1(seq(',', $._name_entry))),
    ),

    _name_entry: $ => choice($.identifier, $.string),

    // Adjacent strings join into one text.
    text: $ => prec.right(repeat1($.string)),

    string: $ => seq(
      '"',
      repeat(choice($.string_content, $.escape_sequence, $.invalid_escape)),
      choice(token.immediate('"'), alias($._string_close, $.missing_quote)),
    ),

    // Above comments: `"// not a comment"`.
    string_content: _ => token.immediate(prec(1, /[^"\\\n]+/)),

    escape_sequence: _ => token.immediate(/\\["\\nt]/),

    // Any other escape is E0102 for the checker; kept here so that it can
    // be marked and the string still ends at its quote.
    invalid_escape: _ => token.immediate(/\\[^"\\nt\n]/),

    identifier: _ => /[\p{XID_Start}_][\p{XID_Continue}-]*/,

    // `///` but not `////`, as in Rust: the two have one precedence, so
    // the longer match wins (`////` is a comment) and a tie goes to the
    // rule written first (`/// text` is a doc comment).
    doc_comment: _ => token(/\/\/\/([^\/\n][^\n]*)?/),

    comment: _ => token(/\/\/[^\n]*/),
  },
});

/**
 * A declaration with a name, what its kind has after the name (an actor's
 * kind, a bridge's ends), then an optional label and an optional block.
 *
 * @param {GrammarSymbols<string>} $
 * @param {string} keyword
 * @param {RuleOrLiteral[]} header
 */
function declaration($, keyword, ...header) {
  return seq(
    optional($._attributes),
    keyword,
    field('name', $.identifier),
    ...header,
    optional(field('label', $.text)),
    optional(field('body', $.block)),
  );
}
