-- Tree-sitter for ecospec in Neovim 0.9 and later: highlighting, folds,
-- indentation and text objects from the grammar of the ecospec repository
-- (editors/tree-sitter-ecospec). Run it after ecospec.lua, which makes
-- `.eco` files the `ecospec` filetype (that block stays as it is, and
-- Neovim 0.7 keeps using it alone). License: MIT OR Apache-2.0.
--
-- Settings, before this block runs:
--   vim.g.ecospec_repo = "/path/to/ecospec"   -- a checkout of the repository
-- With it, the checkout's editors/neovim joins 'runtimepath' (its
-- queries/ecospec/*.scm are the grammar's queries) and nvim-treesitter
-- builds the parser from the checkout; without it, from the published
-- repository (then put queries/ecospec/ on 'runtimepath' yourself).
do
  local repo = vim.g.ecospec_repo
  if repo then
    vim.opt.runtimepath:append(repo .. "/editors/neovim")
  end

  -- The parser named `ecospec` reads the `ecospec` filetype.
  vim.treesitter.language.register("ecospec", "ecospec")

  -- nvim-treesitter: `:TSInstall ecospec` compiles src/parser.c and
  -- src/scanner.c (committed, so no tree-sitter CLI is needed).
  local ok, parsers = pcall(require, "nvim-treesitter.parsers")
  if ok and parsers.get_parser_configs then
    local install_info = {
      url = "https://github.com/ecospec/ecospec",
      location = "editors/tree-sitter-ecospec",
      branch = "main",
      files = { "src/parser.c", "src/scanner.c" },
      requires_generate_from_grammar = false,
    }
    if repo then
      install_info.url = repo .. "/editors/tree-sitter-ecospec"
      install_info.location = nil
    end
    parsers.get_parser_configs().ecospec = {
      install_info = install_info,
      filetype = "ecospec",
      maintainers = {},
    }
  end

  -- Highlighting without nvim-treesitter's highlight module: start it
  -- when a parser is installed (parser/ecospec.so on 'runtimepath');
  -- without one the buffer keeps no colours and no error is shown.
  vim.api.nvim_create_autocmd("FileType", {
    group = vim.api.nvim_create_augroup("ecospec_treesitter", { clear = true }),
    pattern = "ecospec",
    callback = function(args)
      pcall(vim.treesitter.start, args.buf, "ecospec")
    end,
  })
end
