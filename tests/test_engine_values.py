"""The engine's value records (plain slotted classes, compiled by mypyc in a wheel) and
the rule registry's compile-friendly parts (the explicit rule tuple, docstrings read
from the source of compiled rule classes, plug-in rules registered by decorator)."""

from __future__ import annotations

import copy
import math
import pickle
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck import checks
from claimcheck.engine import registry
from claimcheck.engine.context import Context, best_of, combinations
from claimcheck.engine.derive import Figure
from claimcheck.engine.index import ClaimIndex, Key
from claimcheck.engine.intervals import Interval
from claimcheck.engine.registry import Rule, all_rules, register
from claimcheck.findings import Arithmetic, Finding, NotChecked, Result, Verified

finite = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False)
bounds = st.tuples(finite, finite).map(lambda p: (min(p), max(p)))
words = st.text(alphabet="abcxyz_", min_size=1, max_size=6)
keys = st.builds(
    Key,
    words,
    st.lists(words, max_size=3).map(lambda s: tuple(sorted(s))),
    st.none() | st.tuples(words, words),
    words,
)


@given(bounds, bounds)
def test_intervals_are_equal_and_hash_alike_exactly_when_their_bounds_are(
    a: tuple[float, float], b: tuple[float, float]
) -> None:
    x, y = Interval(*a), Interval(*b)
    assert (x == y) == (a == b)
    assert (x != y) == (a != b)
    if x == y:
        assert hash(x) == hash(y)
    assert x == Interval(*a) and hash(x) == hash(Interval(*a))
    assert x != a  # not equal to a tuple of its bounds


@given(bounds)
def test_intervals_pickle_and_copy_by_value(pair: tuple[float, float]) -> None:
    value = Interval(*pair)
    assert pickle.loads(pickle.dumps(value)) == value
    assert copy.deepcopy(value) == value and copy.copy(value) == value


def test_keys_and_figures_pickle_by_value() -> None:
    key = Key("flow", ("China", "Russia"), ("China", "Russia"), "USD")
    back = pickle.loads(pickle.dumps(key))
    assert back == key and hash(back) == hash(key) and back.label() == key.label()
    figure = _figure(input_ids=frozenset({"c1"}), slots=frozenset({("T", None)}))
    again = pickle.loads(pickle.dumps(figure))
    assert again == figure and again.input_ids == figure.input_ids and again.slots == figure.slots


def test_interval_repr_match_and_validation() -> None:
    value = Interval(1.0, 2.5)
    assert repr(value) == "Interval(lo=1.0, hi=2.5)"
    match value:
        case Interval(lo, hi):
            assert (lo, hi) == (1.0, 2.5)
    assert Interval.__match_args__ == ("lo", "hi")
    assert {Interval(0.0, math.inf), Interval(0.0, math.inf)} == {Interval(0.0, math.inf)}
    with pytest.raises(ValueError, match="empty"):
        Interval(2.0, 1.0)
    with pytest.raises(ValueError, match="NaN"):
        Interval(math.nan, 1.0)
    with pytest.raises(AttributeError):
        value.other = 1.0  # type: ignore[attr-defined]  # slotted: no stray attributes


@given(keys, keys)
def test_keys_are_equal_and_hash_alike_exactly_when_their_fields_are(a: Key, b: Key) -> None:
    fields_a = (a.measure, a.scope, a.flow, a.unit)
    fields_b = (b.measure, b.scope, b.flow, b.unit)
    assert (a == b) == (fields_a == fields_b)
    assert (a != b) == (fields_a != fields_b)
    twin = Key(*fields_a)
    assert twin == a and hash(twin) == hash(a)
    assert {a: 1}[twin] == 1


def test_key_repr_match_and_label() -> None:
    key = Key("flow", ("China", "Russia"), ("China", "Russia"), "USD")
    assert repr(key) == (
        "Key(measure='flow', scope=('China', 'Russia'), flow=('China', 'Russia'), unit='USD')"
    )
    match key:
        case Key(measure, scope, flow, unit):
            assert (measure, scope, flow, unit) == ("flow", ("China", "Russia"), key.flow, "USD")
    assert key.label() == "China→Russia trade"
    assert key != ("flow", ("China", "Russia"), ("China", "Russia"), "USD")


def _figure(**changes: object) -> Figure:
    fields: dict[str, object] = {
        "role": "T",
        "span": ("2023-01-01", "2023-12-31"),
        "value": Interval(1.0, 2.0),
        "formula": "x",
        "inputs": (),
    }
    fields.update(changes)
    return Figure(**fields)  # type: ignore[arg-type]


def test_figures_compare_by_their_fields_but_the_derived_sets() -> None:
    plain = _figure()
    assert plain.input_ids == frozenset() and plain.slots == frozenset()
    assert plain.steps == 0 and plain.signed and not plain.growth and plain.operands == ()
    same = _figure(input_ids=frozenset({"c1"}), slots=frozenset({("T", None)}))
    assert same == plain and hash(same) == hash(plain)
    assert _figure(steps=1) != plain and _figure(value=Interval(1.0, 3.0)) != plain
    assert repr(plain).startswith("Figure(role='T', span=")
    assert Figure.__match_args__[:5] == ("role", "span", "value", "formula", "inputs")


def test_context_defaults_and_caches_are_its_own() -> None:
    from claimcheck.engine.config import load_config

    config = load_config()
    index = ClaimIndex([], config)
    first = Context({}, index, config)
    second = Context({}, index, config, None, frozenset({"a"}), listed=False)
    assert (first.reference, first.primary, first.listed) == (None, None, True)
    assert (second.primary, second.listed) == (frozenset({"a"}), False)
    assert first.concerns([]) and not second.concerns([])
    assert first.view("level", Key("m", (), None, "USD"), None).items == ()
    assert first._views and not second._views


def _finding(gap: float) -> Finding:
    arithmetic = Arithmetic("e", (0.0, 0.0), (gap, gap), gap, "", 0.0)
    return Finding("CC999", "t", "error", f"gap {gap}", (), arithmetic)


def test_best_of_reads_no_further_than_the_first_verdict_that_holds() -> None:
    read: list[int] = []

    def verdicts() -> Iterator[Result]:
        for n, result in enumerate(
            [_finding(3.0), Verified("CC999", "t", "ok", ()), _finding(1.0)]
        ):
            read.append(n)
            yield result

    assert isinstance(best_of(verdicts()), Verified)
    assert read == [0, 1]


def test_best_of_reports_the_first_finding_of_the_smallest_gap() -> None:
    two, one, other_one = _finding(2.0), _finding(1.0), _finding(1.0)
    assert best_of([two, one, other_one]) is one
    skipped = NotChecked("CC999", "t", "why", ())
    assert best_of([skipped, two]) is two
    assert best_of([skipped]) is skipped
    assert best_of([]) is None


def test_the_best_of_one_verdict_is_that_verdict() -> None:
    """(CC101, CC102 and CC103 skip best_of for a relation read one way only.)"""
    for result in (
        _finding(2.0),
        Verified("CC999", "t", "ok", ()),
        NotChecked("CC999", "t", "why", ()),
        Finding("CC999", "t", "error", "no arithmetic", (), None),
    ):
        assert best_of([result]) is result
        assert best_of(iter([result])) is result


def test_combinations_stop_at_the_cap_without_building_the_product() -> None:
    from engine_support import article, spec

    from claimcheck.engine.config import load_config
    from claimcheck.engine.context import MAX_COMBINATIONS

    text = "Trade reached $99.84 bln in 2023."
    _, claims = article(text, [spec(text="$99.84 bln", metric="trade_turnover", period="2023")])
    (item,) = ClaimIndex(claims, load_config()).items
    roles = [[item] * 1000 for _ in range(4)]  # 10**12 combinations in all
    combos = list(combinations(roles))
    assert len(combos) == MAX_COMBINATIONS
    assert all(isinstance(c, list) and c == [item] * 4 for c in combos)


def test_the_builtin_rules_are_the_rules_tuple_in_code_order() -> None:
    assert all_rules()[: len(checks.RULES)] == checks.RULES
    assert [r.code for r in checks.RULES] == sorted(r.code for r in checks.RULES)
    assert len({r.code for r in checks.RULES}) == len(checks.RULES)


def test_a_plugin_rule_registers_by_decorator(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "_RULES", dict(registry._RULES))

    @register
    class Plugin(Rule):
        """Plug-in rule.

        More text."""

        code = "CC999"
        name = "plug-in"

        def run(self, ctx: Context) -> Iterable[Result]:
            return ()

    assert all_rules()[-1] is Plugin
    assert Plugin.doc() == "Plug-in rule.\n\nMore text." and Plugin.summary() == "Plug-in rule."
    assert list(Plugin().run(None)) == []  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="used twice"):
        register(type("Other", (Rule,), {"code": "CC999", "name": "other"}))


def test_a_compiled_class_docstring_is_read_from_its_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "fake_rules.py"
    source.write_text(
        'class Outer:\n    class Inner:\n        """Inner rule.\n\n        Details."""\n',
        encoding="utf-8",
    )
    extension = tmp_path / "fake_rules.cpython-311-x86_64-linux-gnu.so"
    module = type(registry)("fake_rules")
    module.__file__ = str(extension)
    monkeypatch.setitem(__import__("sys").modules, "fake_rules", module)
    inner = type("Inner", (), {"__module__": "fake_rules", "__qualname__": "Outer.Inner"})
    assert registry._docstring(inner) == "Inner rule.\n\n        Details."
    registry._source_docstring.cache_clear()
    missing = type("Gone", (), {"__module__": "fake_rules", "__qualname__": "Gone"})
    assert registry._docstring(missing) == ""


def test_items_compare_hash_and_pickle_by_their_fields() -> None:
    from engine_support import article, spec

    from claimcheck.engine.config import load_config
    from claimcheck.engine.index import Item

    text = "Trade reached $99.84 bln in 2023."
    _, claims = article(text, [spec(text="$99.84 bln", metric="trade_turnover", period="2023")])
    (item,) = ClaimIndex(claims, load_config()).items
    fields = [getattr(item, name) for name in Item.__match_args__]
    twin = Item(*fields)
    assert twin == item and hash(twin) == hash(item) and twin is not item
    assert Item(*fields[:-1], signed=not item.signed) != item
    assert Item(*fields[:1], item.order + 1, *fields[2:]) != item
    assert pickle.loads(pickle.dumps(item)) == item
    assert repr(item).startswith(f"Item(claim={item.claim!r}, order={item.order!r}, key=")
    assert (item.document, item.basis) == (item.claim.document_id, item.claim.basis)
    assert item.scale == max(1.0, item.claim.quantity.scale)
    match item:
        case Item(claim, order):
            assert (claim, order) == (item.claim, item.order)
