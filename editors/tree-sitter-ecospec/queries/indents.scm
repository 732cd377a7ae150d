; One level inside braces. Each node has Helix's capture and
; nvim-treesitter's, so that one file serves both (each ignores the
; other's names).
[
  (block)
  (intervention_block)
] @indent @indent.begin

"}" @outdent @indent.branch @indent.end
