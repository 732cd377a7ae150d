-- ecospec support for Neovim: filetype, comments and the ecospec-lsp language
-- server. Paste this block into your init.lua (or save it and `dofile` it).
-- Works on Neovim 0.7 (vim.lsp.start_client) and on current releases
-- (vim.lsp.start). License: MIT OR Apache-2.0.
--
-- Settings, before this block runs:
--   vim.g.ecospec_lsp_path = "/path/to/ecospec-lsp"   -- default: ecospec-lsp on PATH
--   vim.g.ecospec_allow_outside_imports = true        -- let imports leave the root folder
do
  local ecospec = {
    cmd = { vim.g.ecospec_lsp_path or "ecospec-lsp" },
    -- The server checks the folder of the nearest ancestor that holds one of
    -- these (else the file's own folder), like `ecospec check` on that folder.
    root_markers = { "ecospec.toml", ".git" },
    init_options = { allowOutsideImports = vim.g.ecospec_allow_outside_imports == true },
  }

  local group = vim.api.nvim_create_augroup("ecospec", { clear = true })

  -- Filetype: vim.filetype.add is only consulted by 0.7 when filetype.lua is
  -- enabled, so an autocommand covers 0.7 too.
  if vim.filetype and vim.filetype.add then
    vim.filetype.add({ extension = { eco = "ecospec" } })
  end
  vim.api.nvim_create_autocmd({ "BufRead", "BufNewFile" }, {
    group = group,
    pattern = "*.eco",
    command = "setfiletype ecospec",
  })

  local function root_dir(file)
    local dir = vim.fn.fnamemodify(file, ":p:h")
    local current = dir
    while true do
      for _, marker in ipairs(ecospec.root_markers) do
        if vim.loop.fs_stat(current .. "/" .. marker) then
          return current
        end
      end
      local parent = vim.fn.fnamemodify(current, ":h")
      if parent == current then
        return dir
      end
      current = parent
    end
  end

  local warned_missing = false
  local clients_by_root = {} -- for Neovim 0.7, which has no vim.lsp.start

  local function start_server(bufnr)
    if vim.fn.executable(ecospec.cmd[1]) ~= 1 then
      if not warned_missing then
        warned_missing = true
        vim.notify(
          "ecospec: the language server `" .. ecospec.cmd[1] .. "` is not executable or not on PATH. "
            .. "Install it with `cargo install --path lsp` from the ecospec repository, "
            .. "or set vim.g.ecospec_lsp_path to the binary.",
          vim.log.levels.ERROR
        )
      end
      return
    end
    local root = root_dir(vim.api.nvim_buf_get_name(bufnr))
    local config = {
      name = "ecospec",
      cmd = ecospec.cmd,
      root_dir = root,
      workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
      init_options = ecospec.init_options,
    }
    if vim.lsp.start then
      -- Reuses the running client for this root.
      vim.lsp.start(config, { bufnr = bufnr })
      return
    end
    local id = clients_by_root[root]
    if not id or not vim.lsp.get_client_by_id(id) then
      id = vim.lsp.start_client(config)
      clients_by_root[root] = id
    end
    if id then
      vim.lsp.buf_attach_client(bufnr, id)
    end
  end

  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = "ecospec",
    callback = function(args)
      vim.bo[args.buf].commentstring = "// %s"
      vim.bo[args.buf].comments = ":///,://"
      start_server(args.buf)
    end,
  })
end
