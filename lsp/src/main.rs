//! `ecospec-lsp`: the language server (not yet built).
fn main() {}
