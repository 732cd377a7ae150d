-- Run by test/run.sh in `nvim --headless`: loads ../ecospec.lua, opens the
-- fixture and waits for the server's W0401 on cluster `c` (line 7, column 9;
-- 0-based 6 and 8). Exits non-zero on any failure.
local here = vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h")
local timeout_ms = tonumber(vim.env.ECOSPEC_NVIM_TIMEOUT_MS or "") or 20000

local function finish(ok, message)
  io.stdout:write(message .. "\n")
  for _, client in pairs(vim.lsp.get_active_clients()) do
    client.stop(true)
  end
  vim.cmd(ok and "qall!" or "cquit 1")
end

local ok, err = pcall(function()
  dofile(here .. "/../ecospec.lua")
  vim.cmd("edit " .. vim.fn.fnameescape(here .. "/unbridged.eco"))
end)
if not ok then
  finish(false, "FAIL: could not load the config or the fixture: " .. tostring(err))
  return
end

local bufnr = vim.api.nvim_get_current_buf()
local checks = {
  { vim.bo[bufnr].filetype == "ecospec", "filetype is ecospec (got " .. vim.bo[bufnr].filetype .. ")" },
  { vim.bo[bufnr].commentstring == "// %s", "commentstring is '// %s' (got " .. vim.bo[bufnr].commentstring .. ")" },
}
for _, check in ipairs(checks) do
  if not check[1] then
    finish(false, "FAIL: " .. check[2])
    return
  end
end

local function find_w0401()
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    if tostring(code) == "W0401" and d.lnum == 6 and d.col == 8 then
      return d
    end
  end
end

local found = vim.wait(timeout_ms, function()
  return find_w0401() ~= nil
end, 50)

local seen = {}
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  table.insert(seen, string.format("%s %d:%d %s (%s)", tostring(d.code), d.lnum, d.col, d.message, tostring(d.source)))
end
local clients = #vim.lsp.get_active_clients()
if found then
  local d = find_w0401()
  finish(true, string.format(
    "ok: W0401 at lnum %d col %d from %s: %s (%d diagnostics, %d client)",
    d.lnum, d.col, tostring(d.source), d.message, #seen, clients
  ))
else
  finish(false, string.format(
    "FAIL: no W0401 at lnum 6 col 8 within %d ms (%d clients attached); diagnostics seen: %s",
    timeout_ms, clients, #seen > 0 and table.concat(seen, "; ") or "none"
  ))
end
