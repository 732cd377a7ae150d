; Every braced body folds: a declaration's block, an intervention's body.
[
  (block)
  (intervention_block)
] @fold
