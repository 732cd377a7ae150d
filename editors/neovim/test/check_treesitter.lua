-- Run by test/treesitter.sh in `nvim --headless --clean` (Neovim 0.9 or
-- later), with ECOSPEC_REPO (the checkout) and ECOSPEC_PARSER_DIR (a folder
-- holding parser/ecospec.so) in the environment: loads ../ecospec.lua and
-- ../ecospec-treesitter.lua, opens examples/all-in/all-in.eco and checks
-- the highlight captures at chosen places, the tree-sitter folds, and the
-- registration with nvim-treesitter (a stand-in module records it). With
-- ECOSPEC_HTML set, writes the highlighted lines 33-88 there (:TOhtml's
-- function, colorscheme habamax) for the screenshot. Exits non-zero on any
-- failure.
local here = vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h")
local failures = {}
local function expect(ok, message)
  if not ok then
    table.insert(failures, message)
  end
end

local ok, err = pcall(function()
  -- ecospec.lua's missing-server message is not what this test is about.
  vim.notify = function() end
  -- A stand-in for nvim-treesitter's parser table, to see the registration.
  local configs = {}
  package.preload["nvim-treesitter.parsers"] = function()
    return { get_parser_configs = function() return configs end }
  end
  vim.g.ecospec_repo = vim.env.ECOSPEC_REPO
  vim.opt.runtimepath:prepend(vim.env.ECOSPEC_PARSER_DIR)
  dofile(here .. "/../ecospec.lua")
  dofile(here .. "/../ecospec-treesitter.lua")

  local registered = configs.ecospec or {}
  local install = registered.install_info or {}
  expect(registered.filetype == "ecospec", "nvim-treesitter: filetype ecospec")
  expect(install.url == vim.env.ECOSPEC_REPO .. "/editors/tree-sitter-ecospec",
    "nvim-treesitter: the checkout's grammar (got " .. tostring(install.url) .. ")")
  expect(vim.deep_equal(install.files, { "src/parser.c", "src/scanner.c" }),
    "nvim-treesitter: the parser's and the scanner's C files")
  expect(vim.treesitter.language.get_lang("ecospec") == "ecospec",
    "the filetype ecospec is read by the parser ecospec")

  vim.cmd("edit " .. vim.fn.fnameescape(vim.env.ECOSPEC_REPO .. "/examples/all-in/all-in.eco"))
  local buf = vim.api.nvim_get_current_buf()
  expect(vim.bo[buf].filetype == "ecospec", "filetype ecospec")
  expect(vim.treesitter.highlighter.active[buf] ~= nil, "tree-sitter highlighting started")
  vim.treesitter.get_parser(buf):parse(true)

  -- (1-based line, text the capture starts at, the capture Neovim uses:
  -- the last one, as its highlighter lets the last match win).
  local places = {
    { 33, "import", "keyword.import" },
    { 33, '"scenarios.eco"', "string" },
    { 39, "///", "comment.documentation" },
    { 41, "ecosystem", "keyword" },
    { 42, "task", "property" },
    { 51, "outrageous_moment", "variable" },
    { 52, "activate", "property" },
    { 52, "mobilization", "variable" },
    { 71, "intervention", "keyword" },
    { 71, "joint_conference", "type.intervention" },
    { 77, "conference", "type.bridge" },
    { 77, "between", "keyword.operator" },
    { 81, "loose", "constant.builtin" },
    { 85, "extend", "keyword.modifier" },
    { 85, "neighbourhood_assemblies", "variable" },
    { 85, "{", "punctuation.bracket" },
  }
  for _, place in ipairs(places) do
    local line, text, capture = place[1], place[2], place[3]
    local row_text = vim.api.nvim_buf_get_lines(buf, line - 1, line, true)[1]
    local col = row_text:find(text, 1, true)
    if not col then
      expect(false, ("line %d has no %q"):format(line, text))
    else
      local found = {}
      for _, c in ipairs(vim.treesitter.get_captures_at_pos(buf, line - 1, col - 1)) do
        table.insert(found, c.capture)
      end
      expect(found[#found] == capture,
        ("line %d, %q: %s expected, got {%s}"):format(line, text, capture, table.concat(found, ", ")))
    end
  end

  -- folds.scm: an `on` rule's body folds from its line to its brace.
  vim.api.nvim_win_call(vim.fn.bufwinid(buf), function()
    expect(vim.treesitter.foldexpr(51) == ">1", "a fold opens at line 51: " .. vim.treesitter.foldexpr(51))
    expect(vim.treesitter.foldexpr(52) == "1", "line 52 is inside it: " .. vim.treesitter.foldexpr(52))
  end)

  if vim.env.ECOSPEC_HTML and vim.env.ECOSPEC_HTML ~= "" then
    vim.o.termguicolors = true
    vim.o.background = "dark"
    vim.cmd.colorscheme("habamax")
    local lines = require("tohtml").tohtml(0, {
      range = { 33, 88 },
      title = "examples/all-in/all-in.eco in Neovim " .. tostring(vim.version()),
    })
    vim.fn.writefile(lines, vim.env.ECOSPEC_HTML)
  end
end)
if not ok then
  table.insert(failures, "error: " .. tostring(err))
end

if #failures == 0 then
  io.stdout:write("ok: tree-sitter highlighting, folds and the nvim-treesitter registration\n")
  vim.cmd("qall!")
else
  io.stdout:write("FAIL:\n  " .. table.concat(failures, "\n  ") .. "\n")
  vim.cmd("cquit 1")
end
