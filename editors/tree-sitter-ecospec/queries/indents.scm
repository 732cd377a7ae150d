; One level inside braces.
[
  (block)
  (intervention_block)
] @indent

"}" @outdent
