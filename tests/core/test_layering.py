"""Data flows one way: no module imports a later stage (ingest -> nlp -> extract -> link -> store -> out)."""

from __future__ import annotations

import ast
from pathlib import Path

import wirewatch

PKG = Path(wirewatch.__file__).parent
# Rank of each top-level part; a module may import only parts of equal or lower rank.
RANK = {"errors": 0, "settings": 0, "model": 0, "geo": 0, "schema": 1, "ingest": 2, "nlp": 2, "gazetteer": 3, "extract": 3,
        "pipeline": 4, "chunks": 4, "link": 5, "store": 6, "export": 7, "sitrep": 7, "scale": 8, "api": 8, "web": 8, "watch": 8.5, "cli": 9,
        "__init__": 0, "__main__": 10}


def _part(module_path: Path) -> str:
    rel = module_path.relative_to(PKG)
    return rel.parts[0].removesuffix(".py")


def _imported_parts(tree: ast.Module, path: Path) -> set[str]:
    parts: set[str] = set()
    depth = len(path.relative_to(PKG).parts) - 1
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level == 0 and node.module and node.module.startswith("wirewatch."):
                parts.add(node.module.split(".")[1])
            elif node.level > 0 and node.level - 1 == depth:
                if node.module:
                    parts.add(node.module.split(".")[0])
                else:
                    parts.update(a.name for a in node.names)
        elif isinstance(node, ast.Import):
            parts.update(a.name.split(".")[1] for a in node.names if a.name.startswith("wirewatch."))
    return parts


def test_no_module_imports_a_later_stage() -> None:
    problems = []
    for path in PKG.rglob("*.py"):
        part = _part(path)
        if part not in RANK:
            problems.append(f"{path.relative_to(PKG)}: part {part!r} has no rank in this test")
            continue
        for imported in _imported_parts(ast.parse(path.read_text()), path):
            if imported in RANK and RANK[imported] > RANK[part] and part != "__init__":
                problems.append(f"{path.relative_to(PKG)} imports later stage {imported!r}")
    assert not problems, "\n".join(problems)


def _module_names() -> dict[str, tuple[Path, bool]]:
    """Dotted name -> (file, is a package's __init__) for every module of the package."""
    out = {}
    for path in PKG.rglob("*.py"):
        parts = list(path.relative_to(PKG.parent).with_suffix("").parts)
        is_pkg = parts[-1] == "__init__"
        out[".".join(parts[:-1] if is_pkg else parts)] = (path, is_pkg)
    return out


def _import_graph() -> dict[str, set[str]]:
    """Module -> the package modules it imports (anywhere in the file, functions included); `from . import x`
    of a submodule is an edge to that submodule, not to its package."""
    modules = _module_names()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, (path, is_pkg) in modules.items():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom):
                base = name.split(".") if is_pkg else name.split(".")[:-1]
                target = (".".join(base[: len(base) - node.level + 1] + ([node.module] if node.module else []))
                          if node.level else node.module or "")
                subs = [f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in modules]
                targets = subs if len(subs) == len(node.names) else [target, *subs]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                continue
            graph[name].update(t for t in targets if t in modules and t != name)
    return graph


def test_no_import_cycles() -> None:
    """No two modules import each other, directly or through others (store/base <-> sqlite <-> ingest and
    export/sitrep <-> sitrep_render were such circles)."""
    graph = _import_graph()
    cycles = []
    for start in graph:
        stack, seen = [(start, [start])], set()
        while stack:
            node, path = stack.pop()
            for nxt in graph[node]:
                if nxt == start:
                    cycles.append(" -> ".join([*path, start]))
                elif nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, [*path, nxt]))
    assert not cycles, "\n".join(sorted(set(cycles))[:10])
