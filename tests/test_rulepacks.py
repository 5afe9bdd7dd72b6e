"""Rule packs: lookup, validation with clear errors, caching, vocabulary content."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck import rulepacks
from claimcheck.rulepacks import (
    CUE_NAMES,
    RulePackError,
    cues,
    gazetteer,
    metric_vocabulary,
    parse_gazetteer_file,
    parse_pack_file,
    rules_dir,
)

GOOD_PACK = """
[pack]
name = "{name}"
version = 1
description = "test"

[metrics.trade_turnover]
label = "turnover"
terms = ["trade turnover"]

[metrics.exports]
terms = ["exports"]
directional = true

[metrics.imports]
terms = ["imports"]
directional = true

[[identities]]
name = "sum"
expr = "trade_turnover = exports + imports"

[tolerances]
relative = 0.01

[multipliers]
doubled = 2.0
"""


def _write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / f"{name}.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_rules_dir_finds_checkout_rules() -> None:
    folder = rules_dir()
    assert (folder / "trade.toml").is_file()
    assert (folder / "general.toml").is_file()
    assert (folder / "entities.toml").is_file()


def test_installed_rules_take_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "claimcheck"
    (package / "_rules").mkdir(parents=True)
    (tmp_path / "rules").mkdir()
    fake_module = package / "rulepacks.py"
    fake_module.write_text("", encoding="utf-8")
    monkeypatch.setattr(rulepacks, "__file__", str(fake_module))
    assert rules_dir() == package / "_rules"
    (package / "_rules").rmdir()
    assert rules_dir() == tmp_path / "rules"
    (tmp_path / "rules").rmdir()
    with pytest.raises(RulePackError, match="no rule pack folder"):
        rules_dir()


def test_valid_pack_parses(tmp_path: Path) -> None:
    pack = parse_pack_file(_write(tmp_path, "mini", GOOD_PACK.format(name="mini")))
    assert [m.key for m in pack.metrics] == ["trade_turnover", "exports", "imports"]
    assert pack.metrics[1].directional
    assert pack.identities == (("sum", "trade_turnover = exports + imports"),)
    assert dict(pack.multipliers) == {"doubled": 2.0}


@pytest.mark.parametrize(
    ("change", "key", "problem"),
    [
        (('terms = ["exports"]', "terms = []"), "metrics.exports.terms", "at least one"),
        (('terms = ["exports"]', "terms = [3]"), "metrics.exports.terms[0]", "non-empty string"),
        (("directional = true", 'directional = "yes"'), "metrics.exports.directional", "true"),
        (("doubled = 2.0", "doubled = -2.0"), "multipliers.doubled", "positive"),
        (("relative = 0.01", "relative = 0.01\nfuzzy = 1"), "tolerances.fuzzy", "unknown key"),
        (("exports + imports", "exports + widgets"), "identities[0].expr", "widgets"),
        (
            ('label = "turnover"', 'label = "turnover"\nsynonyms = []'),
            "metrics.trade_turnover.synonyms",
            "unknown key",
        ),
        (("version = 1", 'version = "one"'), "pack.version", "integer"),
    ],
)
def test_malformed_pack_names_file_key_and_problem(
    tmp_path: Path, change: tuple[str, str], key: str, problem: str
) -> None:
    body = GOOD_PACK.format(name="bad").replace(*change)
    path = _write(tmp_path, "bad", body)
    with pytest.raises(RulePackError) as caught:
        parse_pack_file(path)
    error = caught.value
    assert error.path == str(path)
    assert error.key == key
    assert problem in error.problem
    assert str(path) in str(error)
    assert key in str(error)


def test_pack_name_must_match_file(tmp_path: Path) -> None:
    with pytest.raises(RulePackError, match="does not match the file name"):
        parse_pack_file(_write(tmp_path, "other", GOOD_PACK.format(name="mini")))


def test_invalid_toml_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(RulePackError, match="invalid TOML"):
        parse_pack_file(_write(tmp_path, "broken", "[pack\nname="))
    with pytest.raises(RulePackError, match="not found"):
        parse_pack_file(tmp_path / "absent.toml")


def test_gazetteer_rejects_a_form_naming_two_entities(tmp_path: Path) -> None:
    body = """
[pack]
name = "entities"
version = 1
description = "x"

[entities]
"Austria" = { kind = "country", demonyms = ["Austrian"] }
"Australia" = { kind = "country", demonyms = ["Austrian"] }
"""
    with pytest.raises(RulePackError, match="also names"):
        parse_gazetteer_file(_write(tmp_path, "entities", body))
    with pytest.raises(RulePackError, match="'country' or 'region'"):
        parse_gazetteer_file(
            _write(
                tmp_path,
                "entities",
                body.replace('"country", demonyms = ["Austrian"] }\n"Aus', '"planet" }\n"Aus'),
            )
        )


def test_shipped_vocabulary_has_the_trade_metrics() -> None:
    keys = {m.key for m in metric_vocabulary()}
    assert {"trade_turnover", "exports", "imports", "trade_balance", "gdp"} <= keys
    turnover = next(m for m in metric_vocabulary() if m.key == "trade_turnover")
    assert "bilateral trade" in turnover.terms
    assert metric_vocabulary() is metric_vocabulary()  # cached


def test_shipped_cues_and_gazetteer() -> None:
    assert set(CUE_NAMES) <= set(cues())
    assert "year-on-year" in cues()["yoy"]
    names = {e.name for e in gazetteer().entities}
    assert {"China", "Russia", "United States", "United Kingdom", "European Union"} <= names
    assert len([e for e in gazetteer().entities if e.kind == "country"]) > 150
    china = next(e for e in gazetteer().entities if e.name == "China")
    assert "Chinese" in china.demonyms
    assert "PRC" in china.aliases


# --- the parse cache of the bundled packs -----------------------------------------------------


def _cache_setup(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, text: str) -> Path:
    import sys

    monkeypatch.setattr(rulepacks, "rules_dir", tmp_path.resolve)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    pack = tmp_path / "demo.toml"
    pack.write_text(text, encoding="utf-8")
    return pack


def test_read_toml_caches_bundled_packs_and_notices_changes(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import os

    from claimcheck.rulepacks import read_toml

    pack = _cache_setup(monkeypatch, tmp_path, 'a = 1\nb = [0.1, "x"]\n[t]\nc = true\n')
    expected = {"a": 1, "b": [0.1, "x"], "t": {"c": True}}
    assert read_toml(pack) == expected
    cache = tmp_path / "__pycache__" / "demo.json"
    assert cache.is_file()
    assert read_toml(pack) == expected  # from the cache
    pack.write_text("a = 2.5\n", encoding="utf-8")
    os.utime(pack, ns=(1, 1))  # a different stamp even within the clock's resolution
    assert read_toml(pack) == {"a": 2.5}
    cache.write_text("{not json", encoding="utf-8")
    assert read_toml(pack) == {"a": 2.5}


def test_read_toml_writes_no_cache_when_told_or_for_dates(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import datetime as dt
    import sys

    from claimcheck.rulepacks import read_toml

    pack = _cache_setup(monkeypatch, tmp_path, "day = 2024-01-02\n")
    assert read_toml(pack) == {"day": dt.date(2024, 1, 2)}
    assert not (tmp_path / "__pycache__" / "demo.json").exists()
    pack.write_text("a = 1\n", encoding="utf-8")
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert read_toml(pack) == {"a": 1}
    assert not (tmp_path / "__pycache__" / "demo.json").exists()


def test_read_toml_never_caches_packs_outside_the_bundled_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from claimcheck.rulepacks import read_toml

    _cache_setup(monkeypatch, tmp_path, "a = 1\n")
    other = tmp_path / "elsewhere"
    other.mkdir()
    pack = other / "mine.toml"
    pack.write_text("a = 3\n", encoding="utf-8")
    assert read_toml(pack) == {"a": 3}
    assert not (other / "__pycache__").exists()
