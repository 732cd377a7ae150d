; A declaration (with its attributes), a block, a comment.
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
] @class.outer

(block) @class.inner
(intervention_block) @class.inner

(field) @parameter.outer
(field value: (_) @parameter.inner)

[
  (comment)
  (doc_comment)
] @comment.outer
