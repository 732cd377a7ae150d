#!/usr/bin/env node
// Generates syntaxes/ecospec.tmLanguage.json from the word lists below, so
// that the keyword, field and enum lists are written once (they mirror
// sections 2 and 3 of the language contract).
//
//   node scripts/build-grammar.js          write the grammar
//   node scripts/build-grammar.js --check  exit 1 when the committed file is stale
"use strict";

const fs = require("fs");
const path = require("path");

const KEYWORDS = {
  declaration: ["ecosystem", "capability", "scenario", "cluster", "actor", "bridge", "on", "intervention"],
  other: ["import", "between", "and", "among", "extend"],
};
const FIELDS = [
  "task", "description", "bets_on", "strategy", "cohesion", "needs", "in", "serves",
  "provides", "organizes", "via", "through", "form", "strength", "unity",
  "activate", "support", "goal", "pathway", "roles", "approach", "removes",
];
// Fields whose values come from a closed set, and that set.
const ENUM_FIELDS = {
  cohesion: ["tight", "loose"],
  strength: ["tight", "loose"],
  form: ["informal", "network", "organization", "conference"],
  unity: ["strategic", "tactical", "institutional", "ideological"],
  // Language v1 (section 9.1): Moyer's four roles, the movement-ecology approaches.
  roles: ["citizen", "rebel", "reformer", "change_agent"],
  approach: [
    "personal_transformation", "alternatives", "inside_game", "structure_organizing", "mass_protest",
  ],
};
const ACTOR_KINDS = [
  "organization", "campaign", "alliance", "network", "association", "collective",
  "union", "party", "coalition", "media", "community", "funder", "faith_group", "legal_group",
];

// Identifiers: a letter or `_`, then letters, marks, digits, connectors or `-`
// (an approximation of XID_Start / XID_Continue that every Oniguruma build knows).
const ID_START = "_\\p{L}\\p{Nl}";
const ID_CONT = "\\-\\p{L}\\p{Nl}\\p{Mn}\\p{Mc}\\p{Nd}\\p{Pc}";
const IDENT = `[${ID_START}][${ID_CONT}]*`;
const BEFORE = `(?<![${ID_CONT}])`;
const AFTER = `(?![${ID_CONT}])`;
const word = (alternatives) => `${BEFORE}(?:${alternatives.join("|")})${AFTER}`;
const ALL_KEYWORDS = [...KEYWORDS.declaration, ...KEYWORDS.other];

function enumField(field, values) {
  const valueWord = `${BEFORE}(?:${values.join("|")})${AFTER}`;
  return {
    name: `meta.field.${field}.ecospec`,
    begin: `${BEFORE}(${field})\\s*(:)`,
    beginCaptures: {
      1: { name: "variable.other.property.ecospec" },
      2: { name: "punctuation.separator.key-value.ecospec" },
    },
    // The value list ends at its last entry: an identifier not followed by a
    // comma (or at whatever cannot belong to the list).
    end: `(${IDENT})${AFTER}(?!\\s*[,:])|(?=${IDENT}\\s*:|[{}@"])`,
    endCaptures: {
      1: { patterns: [{ include: `#enum-value-${field}` }] },
    },
    patterns: [
      { include: "#comments" },
      { name: "punctuation.separator.comma.ecospec", match: "," },
      {
        match: `(${IDENT})(?=\\s*,)`,
        captures: { 1: { patterns: [{ include: `#enum-value-${field}` }] } },
      },
      { include: "#invalid-character" },
    ],
    repositoryEntry: {
      [`enum-value-${field}`]: {
        patterns: [
          { name: "constant.language.enum.ecospec", match: valueWord },
          { name: "variable.other.reference.ecospec", match: IDENT },
        ],
      },
    },
  };
}

function buildGrammar() {
  const repository = {};
  const enumFieldPatterns = [];
  for (const [field, values] of Object.entries(ENUM_FIELDS)) {
    const { repositoryEntry, ...rule } = enumField(field, values);
    Object.assign(repository, repositoryEntry);
    repository[`field-${field}`] = rule;
    enumFieldPatterns.push({ include: `#field-${field}` });
  }

  Object.assign(repository, {
    comments: {
      patterns: [
        {
          // `///` starts a doc comment, but `////` is an ordinary comment (as in Rust).
          name: "comment.line.documentation.ecospec",
          match: "(///)(?!/).*$",
          captures: { 1: { name: "punctuation.definition.comment.ecospec" } },
        },
        {
          name: "comment.line.double-slash.ecospec",
          match: "(//).*$",
          captures: { 1: { name: "punctuation.definition.comment.ecospec" } },
        },
      ],
    },
    strings: {
      patterns: [
        {
          // A string must end on its line: one that does not is E0102.
          name: "string.quoted.double.ecospec invalid.illegal.unterminated-string.ecospec",
          begin: '"(?=(?:[^"\\\\]|\\\\.)*\\\\?$)',
          beginCaptures: { 0: { name: "punctuation.definition.string.begin.ecospec" } },
          end: "$",
          patterns: [{ include: "#string-escapes" }],
        },
        {
          name: "string.quoted.double.ecospec",
          begin: '"',
          beginCaptures: { 0: { name: "punctuation.definition.string.begin.ecospec" } },
          end: '"',
          endCaptures: { 0: { name: "punctuation.definition.string.end.ecospec" } },
          patterns: [{ include: "#string-escapes" }],
        },
      ],
    },
    "string-escapes": {
      patterns: [
        { name: "constant.character.escape.ecospec", match: '\\\\["\\\\nt]' },
        { name: "invalid.illegal.unrecognized-escape.ecospec", match: "\\\\." },
      ],
    },
    attribute: {
      patterns: [
        {
          name: "meta.attribute.ecospec",
          begin: `(@)\\s*(${IDENT})\\s*(\\()`,
          beginCaptures: {
            1: { name: "punctuation.definition.attribute.ecospec" },
            2: { name: "entity.name.function.attribute.ecospec" },
            3: { name: "punctuation.section.parens.begin.ecospec" },
          },
          // An attribute left open ends where a declaration starts.
          end: `(\\))|(?=[{}@"]|${word(ALL_KEYWORDS)})`,
          endCaptures: { 1: { name: "punctuation.section.parens.end.ecospec" } },
          patterns: [
            { include: "#comments" },
            { name: "punctuation.separator.comma.ecospec", match: "," },
            { name: "constant.other.lint.ecospec", match: IDENT },
            { include: "#invalid-character" },
          ],
        },
        {
          name: "meta.attribute.ecospec",
          match: `(@)\\s*(${IDENT})?`,
          captures: {
            1: { name: "punctuation.definition.attribute.ecospec" },
            2: { name: "entity.name.function.attribute.ecospec" },
          },
        },
      ],
    },
    extend: {
      // `extend actor|cluster|bridge|on NAME`: NAME refers to an existing declaration.
      match: `${BEFORE}(extend)${AFTER}(?:\\s+(?:(actor|cluster|bridge)|(on))${AFTER}(?:\\s+(${IDENT}))?)?`,
      captures: {
        1: { name: "storage.modifier.extend.ecospec" },
        2: { patterns: [{ include: "#keywords" }] },
        3: { name: "keyword.other.on.ecospec" },
        4: { name: "variable.other.reference.ecospec" },
      },
    },
    declarations: {
      patterns: [
        {
          name: "meta.declaration.actor.ecospec",
          match: `${BEFORE}(actor)\\s+(${IDENT})(?:\\s*(:)\\s*(${IDENT})?)?`,
          captures: {
            1: { name: "storage.type.actor.ecospec" },
            2: { name: "entity.name.type.actor.ecospec" },
            3: { name: "punctuation.separator.type.ecospec" },
            4: { patterns: [{ include: "#actor-kind" }] },
          },
        },
        {
          name: "meta.declaration.$1.ecospec",
          match: `${BEFORE}(capability|scenario|cluster|bridge|intervention)\\s+(${IDENT})`,
          captures: {
            1: { name: "storage.type.$1.ecospec" },
            2: { name: "entity.name.type.$1.ecospec" },
          },
        },
        {
          // `on S` names the scenario the rule responds to: a reference.
          name: "meta.declaration.on.ecospec",
          match: `${BEFORE}(on)\\s+(${IDENT})`,
          captures: {
            1: { name: "keyword.other.on.ecospec" },
            2: { name: "variable.other.reference.ecospec" },
          },
        },
      ],
    },
    "actor-kind": {
      patterns: [
        { name: "support.type.actor-kind.ecospec", match: word(ACTOR_KINDS) },
        { name: "variable.other.reference.ecospec", match: IDENT },
      ],
    },
    fields: {
      patterns: [
        ...enumFieldPatterns,
        {
          match: `${BEFORE}(${FIELDS.join("|")})\\s*(:)`,
          captures: {
            1: { name: "variable.other.property.ecospec" },
            2: { name: "punctuation.separator.key-value.ecospec" },
          },
        },
        {
          // Not a field of the language (E0204), still a field by its shape.
          match: `(${IDENT})\\s*(:)`,
          captures: {
            1: { name: "variable.other.property.unknown.ecospec" },
            2: { name: "punctuation.separator.key-value.ecospec" },
          },
        },
      ],
    },
    keywords: {
      patterns: [
        { name: "keyword.control.import.ecospec", match: word(["import"]) },
        { name: "storage.modifier.extend.ecospec", match: word(["extend"]) },
        { name: "keyword.other.$0.ecospec", match: word(["between", "and", "among", "on"]) },
        {
          name: "storage.type.$0.ecospec",
          match: word(["ecosystem", "capability", "scenario", "cluster", "actor", "bridge", "intervention"]),
        },
      ],
    },
    references: {
      name: "variable.other.reference.ecospec",
      match: IDENT,
    },
    punctuation: {
      patterns: [
        { name: "punctuation.section.block.begin.ecospec", match: "\\{" },
        { name: "punctuation.section.block.end.ecospec", match: "\\}" },
        { name: "punctuation.separator.comma.ecospec", match: "," },
        { name: "punctuation.separator.key-value.ecospec", match: ":" },
        { name: "punctuation.section.parens.begin.ecospec", match: "\\(" },
        { name: "punctuation.section.parens.end.ecospec", match: "\\)" },
      ],
    },
    "invalid-character": {
      // Anything else outside strings and comments cannot start a token (E0103),
      // a no-break space included.
      name: "invalid.illegal.character.ecospec",
      match: "[^ \\t\\r\\n]",
    },
  });

  const keywordCheck = new Set(ALL_KEYWORDS);
  if (keywordCheck.size !== 13) throw new Error("keyword list changed: update the grammar tests");

  return {
    $schema: "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
    name: "ecospec",
    scopeName: "source.ecospec",
    fileTypes: ["eco"],
    comment: "Generated by scripts/build-grammar.js: edit that file, then run it.",
    patterns: [
      { include: "#comments" },
      { include: "#strings" },
      { include: "#attribute" },
      { include: "#extend" },
      { include: "#declarations" },
      { include: "#fields" },
      { include: "#keywords" },
      { include: "#references" },
      { include: "#punctuation" },
      { include: "#invalid-character" },
    ],
    repository,
  };
}

if (require.main === module) {
  const target = path.join(__dirname, "..", "syntaxes", "ecospec.tmLanguage.json");
  const text = JSON.stringify(buildGrammar(), null, 2) + "\n";
  if (process.argv.includes("--check")) {
    const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : "";
    if (current !== text) {
      console.error(`${path.relative(process.cwd(), target)} is stale: run node scripts/build-grammar.js`);
      process.exit(1);
    }
    console.log("grammar is up to date");
  } else {
    fs.writeFileSync(target, text);
    console.log(`wrote ${path.relative(process.cwd(), target)}`);
  }
}

module.exports = { KEYWORDS, FIELDS, ENUM_FIELDS, ACTOR_KINDS, buildGrammar };
