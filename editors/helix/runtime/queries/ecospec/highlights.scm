; Highlighting of ecospec. The patterns do not overlap: each node gets one
; capture whatever an editor's rule for overlaps (the first match wins in
; Helix and the tree-sitter CLI, the last in Neovim). A capture with a kind
; after the standard name (`@type.cluster`) falls back to the standard one
; in themes.

; Keywords

"import" @keyword.import

[
  "ecosystem"
  "capability"
  "scenario"
  "cluster"
  "actor"
  "bridge"
  "on"
  "intervention"
] @keyword

[
  "between"
  "and"
  "among"
] @keyword.operator

"extend" @keyword.modifier

; Declared names, by kind

(capability_declaration name: (identifier) @type.capability)
(scenario_declaration name: (identifier) @type.scenario)
(cluster_declaration name: (identifier) @type.cluster)
(actor_declaration name: (identifier) @type.actor)
(bridge_declaration name: (identifier) @type.bridge)
(intervention_declaration name: (identifier) @type.intervention)

; Actor kinds: the word after `actor NAME:`
(actor_declaration kind: (identifier) @type.builtin)

; References

(bridge_declaration end: (identifier) @variable)
(on_declaration scenario: (identifier) @variable)
(extend name: (identifier) @variable)

; Field names, and the names of their values: enum values only in the
; fields that take them (a cluster named `network` elsewhere stays a name).
(field
  name: (enum_field_name)
  value: (name_list (identifier) @constant.builtin))

(field
  name: (identifier)
  value: (name_list (identifier) @variable))

(field name: (_) @property)

; Attributes: `@allow(lint, ...)`
(attribute "@" @attribute)
(attribute name: (identifier) @attribute)
(attribute argument: (identifier) @constant)

; Strings and comments

(escape_sequence) @string.escape
(invalid_escape) @error
(string) @string

(doc_comment) @comment.documentation
(comment) @comment

; Punctuation

["{" "}" "(" ")"] @punctuation.bracket
[":" ","] @punctuation.delimiter
