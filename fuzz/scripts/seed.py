#!/usr/bin/env python3
"""Builds the seed corpora of the fuzz targets (docs/src/fuzzing.md) into
fuzz/seeds/<target>/ from tests/ui/ and examples/ (`.eco` files) and from the
messages the language server's tests send. Run from the repository's top;
then minimize with `cargo fuzz cmin` into fuzz/corpus/<target>/."""

import hashlib
import json
import os
import re
import sys

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(TOP, "fuzz", "seeds")


def put(target, data):
    folder = os.path.join(OUT, target)
    os.makedirs(folder, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def eco_folders():
    """Each folder holding `.eco` files, with its files (sorted)."""
    for base in ("tests/ui", "examples"):
        for root, _, files in os.walk(os.path.join(TOP, base)):
            ecos = sorted(f for f in files if f.endswith(".eco"))
            if ecos:
                yield root, ecos


def read(path):
    with open(path, "rb") as f:
        return f.read()


for root, ecos in eco_folders():
    texts = [read(os.path.join(root, name)) for name in ecos]
    for text in texts:
        for target in ("parse", "fmt", "check", "fix"):
            put(target, text)
    if len(ecos) > 1:
        # One input for the folder: its files (at most 4) joined by NUL, the
        # way `ecospec::fuzzing::folder` cuts them, imports renamed to match.
        rename = {name: f"{letter}.eco" for name, letter in zip(ecos, "abcd")}
        joined = []
        for text in texts[:4]:
            for old, new in rename.items():
                text = text.replace(f'"{old}"'.encode(), f'"{new}"'.encode())
            joined.append(text)
        for target in ("check", "fix"):
            put(target, b"\0".join(joined))


def frame(body):
    body = body.encode() if isinstance(body, str) else body
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def message(method, params=None, id=None):
    m = {"jsonrpc": "2.0", "method": method}
    if id is not None:
        m["id"] = id
    if params is not None:
        m["params"] = params
    return frame(json.dumps(m))


doc = {"uri": "file:///w/a.eco"}
pos = {"textDocument": doc, "position": {"line": 0, "character": 8}}
session = [
    message("initialize", {"capabilities": {}, "rootUri": "file:///w"}, 1),
    message("initialized", {}),
    message("textDocument/didOpen", {"textDocument": dict(doc, languageId="ecospec", version=1,
                                                          text="cluster streets \"On the streets\"\n")}),
    message("textDocument/didChange", {"textDocument": dict(doc, version=2),
                                       "contentChanges": [{"text": "cluster x\n"}]}),
    message("textDocument/hover", pos, 2),
    message("textDocument/definition", pos, 3),
    message("textDocument/rename", dict(pos, newName="y"), "four"),
    message("ecospec/noSuchMethod", {}, 5),
    message("shutdown", None, 6),
    message("exit"),
]
for m in session:
    put("frame", m)
put("frame", b"".join(session))
for raw in (
    frame('{"jsonrpc": "2.0", "id": 99, "method": '),
    frame("not json at all"),
    frame('{"jsonrpc":"2.0","id":1.5,"method":"x"}'),
    frame('{"jsonrpc":"2.0","id":18446744073709551616,"method":"x"}'),
    frame('{"jsonrpc":"2.0","id":1,"result":null}'),
    b"Content-Length: -1\r\n\r\n" + session[0],
    b"Content-Length: 1099511627776\r\n\r\n{}",
    b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n" + session[1],
    b"X-\xff\xfe: 1\r\n" + session[1],
    b"\r\n\r\n" + session[1],
):
    put("frame", raw)
print("seeds in", OUT, file=sys.stderr)
