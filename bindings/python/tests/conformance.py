"""The shared vectors of tests/conformance/, read the way every surface reads them: the cases,
the whole answers, the selectors of the hand-derived facts, and the bad inputs."""

from __future__ import annotations

import json
from typing import Any, Optional

from conftest import ROOT

CONFORMANCE = ROOT / "tests" / "conformance"
CASES = json.loads((CONFORMANCE / "queries.json").read_text(encoding="utf-8"))["cases"]
ANSWERS = json.loads((CONFORMANCE / "answers.json").read_text(encoding="utf-8"))
CORPUS_CASES = json.loads((CONFORMANCE / "corpus.json").read_text(encoding="utf-8"))["cases"]
CORPUS_ANSWERS = json.loads((CONFORMANCE / "corpus-answers.json").read_text(encoding="utf-8"))
ERROR_CASES = json.loads((CONFORMANCE / "errors" / "cases.json").read_text(encoding="utf-8"))["cases"]
WULONG = (ROOT / "policy-data" / "wulong-2022-48" / "plan.json").read_text(encoding="utf-8")


def select(value: Any, selector: str) -> Any:
    """A path of keys and indexes split by `/`, `[]` mapping over a list, `[key=value]` picking
    an item of a list, then `|count` or `|unique` (tests/conformance/README.md)."""
    path, _, modifier = selector.partition("|")

    def walk(value: Any, tokens: list[str]) -> Any:
        if not tokens:
            return value
        first, rest = tokens[0], tokens[1:]
        if first == "[]" and isinstance(value, list):
            return [walk(item, rest) for item in value]
        if first.startswith("[") and "=" in first and isinstance(value, list):
            key, _, wanted = first[1:-1].partition("=")
            found = [item for item in value if item.get(key) == wanted]
            return walk(found[0], rest) if found else None
        if isinstance(value, dict):
            return walk(value[first], rest) if first in value else None
        if isinstance(value, list) and first.isdigit() and int(first) < len(value):
            return walk(value[int(first)], rest)
        return None

    picked = walk(value, [token for token in path.split("/") if token])
    if modifier == "count":
        return len(picked)
    if modifier == "unique":
        return [item for i, item in enumerate(picked) if item not in picked[:i]]
    assert modifier == "", modifier
    return picked


def check_facts(case: dict[str, Any], answer: Any) -> None:
    expect = case["expect"]
    if "error" in expect:
        assert answer["error"]["code"] == expect["error"], answer
        if "suggests" in expect:
            assert answer["error"]["suggestions"][0] == expect["suggests"], answer
        if "issues" in expect:
            found = [[issue["code"], issue["path"]] for issue in answer["error"]["issues"]]
            assert found == expect["issues"], answer
        return
    for selector, expected in expect.items():
        assert select(answer, selector) == expected, selector


def make_input(spec: dict[str, Any]) -> bytes:
    """The bytes of a bad input: a base text, then `suffix`, `encoding`, `prefix_hex` and
    `truncate`, in that order (tests/conformance/README.md)."""
    base = base_text(spec)
    data = bytes.fromhex(spec["hex"]) if base is None else base.encode("utf-8")
    data += spec.get("suffix", "").encode("utf-8")
    encoding = spec.get("encoding")
    if encoding is not None:
        units = data.decode("utf-8").encode("utf-16-le")
        data = {"utf-16": b"\xff\xfe" + units, "utf-16le": units}[encoding]
    data = bytes.fromhex(spec.get("prefix_hex", "")) + data
    if "truncate" in spec:
        data = data[: spec["truncate"]]
    return data


def base_text(spec: dict[str, Any]) -> Optional[str]:
    """The text a case starts from, or `None` for raw bytes (`hex`)."""
    if "text" in spec:
        return spec["text"]
    if "repeat" in spec:
        unit, times = spec["repeat"]
        return unit * times
    if spec.get("plan"):
        return WULONG
    if "replace" in spec:
        old, new = spec["replace"]
        assert old in WULONG
        return WULONG.replace(old, new, 1)
    if "hex" in spec:
        return None
    plan = json.loads(WULONG)
    if spec.get("fields_as_array"):
        return json.dumps(list(plan.values()), ensure_ascii=False)
    for operation in spec["patch"]:
        parent_path, _, last = operation["path"].rpartition("/")
        parent = plan
        for token in [token for token in parent_path.split("/") if token]:
            parent = parent[int(token)] if isinstance(parent, list) else parent[token]
        key = int(last) if isinstance(parent, list) else last
        if operation["op"] == "remove":
            del parent[key]
        else:
            parent[key] = operation["value"]
    return json.dumps(plan, ensure_ascii=False)


def compact(value: Any) -> str:
    """JSON as `serde_json::to_string` writes it, so that two answers compare byte for byte."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
