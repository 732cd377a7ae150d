; A declaration (with its attributes), a block, a field, a comment. Each
; node has nvim-treesitter-textobjects' capture (`.outer`, `.inner`) and
; Helix's (`.around`, `.inside`), so that one file serves both.
[
  (ecosystem_declaration)
  (capability_declaration)
  (scenario_declaration)
  (cluster_declaration)
  (actor_declaration)
  (bridge_declaration)
  (on_declaration)
  (intervention_declaration)
  (extend)
] @class.outer @class.around

(block) @class.inner @class.inside
(intervention_block) @class.inner @class.inside

(field) @parameter.outer @parameter.around
(field value: (_) @parameter.inner @parameter.inside)

[
  (comment)
  (doc_comment)
] @comment.outer @comment.around
