// The one thing the grammar cannot say: a declaration keyword that begins
// a line where it cannot be nested closes the blocks left open before it,
// as the project's lexer does, so one missing `}` does not swallow the rest
// of the file. The close is a zero-width token the grammar accepts in place
// of a block's `}`, a `missing_close` node in the tree.
//
// A string left open at the end of its line ends there (a zero-width
// `missing_quote`), as the project's lexer reads it.
//
// Written by hand (tree-sitter generate does not write it); no state.

#include "tree_sitter/parser.h"

#include <stdbool.h>
#include <string.h>

enum TokenType {
  BLOCK_CLOSE,        // closes a block of fields
  INTERVENTION_CLOSE, // closes an intervention's body
  STRING_CLOSE,       // ends a string left open at the end of its line
};

void *tree_sitter_ecospec_external_scanner_create(void) { return NULL; }
void tree_sitter_ecospec_external_scanner_destroy(void *payload) { (void)payload; }
unsigned tree_sitter_ecospec_external_scanner_serialize(void *payload, char *buffer) {
  (void)payload;
  (void)buffer;
  return 0;
}
void tree_sitter_ecospec_external_scanner_deserialize(void *payload, const char *buffer,
                                                      unsigned length) {
  (void)payload;
  (void)buffer;
  (void)length;
}

static bool is_word_char(int32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '_' || c == '-' || c > 0x7f;
}

// What a keyword at the start of a line closes.
enum Closes { CLOSES_NOTHING, CLOSES_BLOCK, CLOSES_BOTH };

static enum Closes closes(const char *word) {
  // Never nested: closes a block and an intervention's body.
  static const char *const top_only[] = {"import", "ecosystem", "intervention"};
  // Nested only in an intervention's body (`extend` too): closes a block.
  static const char *const nested[] = {"capability", "scenario", "cluster", "actor",
                                       "bridge",     "on",       "extend"};
  for (size_t i = 0; i < sizeof top_only / sizeof *top_only; i++) {
    if (strcmp(word, top_only[i]) == 0) return CLOSES_BOTH;
  }
  for (size_t i = 0; i < sizeof nested / sizeof *nested; i++) {
    if (strcmp(word, nested[i]) == 0) return CLOSES_BLOCK;
  }
  return CLOSES_NOTHING;
}

bool tree_sitter_ecospec_external_scanner_scan(void *payload, TSLexer *lexer,
                                               const bool *valid_symbols) {
  (void)payload;
  bool block = valid_symbols[BLOCK_CLOSE];
  bool intervention = valid_symbols[INTERVENTION_CLOSE];
  bool string = valid_symbols[STRING_CLOSE];
  // Error recovery makes every token valid: then none of these.
  if (block && intervention && string) return false;

  if (string) {
    if (lexer->lookahead == '\n' || lexer->lookahead == '\r' || lexer->eof(lexer)) {
      lexer->result_symbol = STRING_CLOSE;
      return true;
    }
    return false;
  }
  if (block == intervention) return false;

  // The close is zero-width: it ends where the scan starts.
  lexer->mark_end(lexer);
  bool new_line = false;
  while (lexer->lookahead == ' ' || lexer->lookahead == '\t' || lexer->lookahead == '\r' ||
         lexer->lookahead == '\n') {
    if (lexer->lookahead == '\n') new_line = true;
    lexer->advance(lexer, true);
  }
  if (!new_line) return false;

  // The longest keyword is `intervention`: a longer word is no keyword.
  char word[16];
  size_t len = 0;
  while (is_word_char(lexer->lookahead)) {
    if (len + 1 >= sizeof word) return false;
    word[len++] = (char)lexer->lookahead;
    lexer->advance(lexer, false);
  }
  word[len] = '\0';

  enum Closes what = closes(word);
  if (block && what != CLOSES_NOTHING) {
    lexer->result_symbol = BLOCK_CLOSE;
    return true;
  }
  if (intervention && what == CLOSES_BOTH) {
    lexer->result_symbol = INTERVENTION_CLOSE;
    return true;
  }
  return false;
}
