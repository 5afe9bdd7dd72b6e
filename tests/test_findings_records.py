"""The result records built without their attrs ``__init__`` (:data:`claimcheck.findings.COMPILED`).

Compiled, :mod:`claimcheck.findings` builds :class:`Finding`, :class:`Verified`,
:class:`NotChecked`, :class:`Arithmetic` and :class:`ClaimRef` with ``object.__new__``
and slot setters: exact only while the generated ``__init__`` does nothing else, and the
records must stay the public attrs records (``attrs.evolve``, ``attrs.asdict``).
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck import findings
from claimcheck.extract import extract_document
from claimcheck.findings import (
    Arithmetic,
    ClaimRef,
    Finding,
    NotChecked,
    Verified,
    claim_ref,
    make_arithmetic,
    make_finding,
    make_not_checked,
    make_verified,
)
from claimcheck.model import Document

_RECORDS = (ClaimRef, Arithmetic, Finding, Verified, NotChecked)


def test_records_have_nothing_their_init_would_run() -> None:
    for cls in _RECORDS:
        assert attrs.has(cls)
        assert not hasattr(cls, "__attrs_post_init__")
        assert not hasattr(cls, "__attrs_pre_init__")
        for field in attrs.fields(cls):
            assert field.validator is None and field.converter is None, (cls, field.name)
            assert not isinstance(field.default, attrs.Factory), (cls, field.name)  # type: ignore[arg-type]
        assert set(vars(cls)["__slots__"]) <= {f.name for f in attrs.fields(cls)} | {"__weakref__"}


_text = st.text(max_size=8)
_pair = st.tuples(st.floats(allow_nan=False), st.floats(allow_nan=False))
_refs = st.lists(
    st.builds(
        ClaimRef, _text, _text, st.tuples(st.integers(0, 99), st.integers(0, 99)), _text, _text
    ),
    max_size=3,
).map(tuple)
_arithmetic = (
    st.builds(Arithmetic, _text, _pair, _pair, st.floats(0, 10), _text, st.floats(0, 10))
    | st.none()
)


@pytest.fixture(params=[True, False], ids=["setters", "init"])
def compiled(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Both ways of building (as compiled and as interpreted) in an interpreted run; a
    compiled run reads its own :data:`~claimcheck.findings.COMPILED` (then true)."""
    monkeypatch.setattr(findings, "COMPILED", request.param)
    return bool(request.param)


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],  # same flag for every example
)
@given(
    st.tuples(_text, _text, st.sampled_from(["error", "warning", "info"]), _text),
    _refs,
    _arithmetic,
)
def test_records_built_by_setters_equal_those_built_by_init(
    compiled: bool,
    texts: tuple[str, str, findings.Severity, str],
    refs: tuple[ClaimRef, ...],
    arithmetic: Arithmetic | None,
) -> None:
    code, name, severity, message = texts
    expected = Finding(code, name, severity, message, refs, arithmetic)
    made = make_finding(code, name, severity, message, refs, arithmetic)
    assert type(made) is Finding and made == expected and hash(made) == hash(expected)
    verified = make_verified(code, name, message, refs, arithmetic)
    assert type(verified) is Verified
    assert verified == Verified(code, name, message, refs, arithmetic)
    assert make_not_checked(code, name, message, refs) == NotChecked(code, name, message, refs)
    if arithmetic is not None:
        built = make_arithmetic(*attrs.astuple(arithmetic, recurse=False))
        assert type(built) is Arithmetic and built == arithmetic


def test_claim_refs_equal_those_built_by_init(compiled: bool) -> None:
    document = Document(id="d", text="Trade reached $240 bln in 2023. Exports fell.")
    claims = extract_document(document)
    assert claims
    for claim in claims:
        ref = claim_ref(claim, document)
        assert type(ref) is ClaimRef
        assert ref == ClaimRef(
            claim.document_id,
            claim.id,
            (claim.span.start, claim.span.end),
            claim.text,
            claim.sentence.slice(document.text).strip(),
        )


def test_setter_built_records_stay_attrs_records(compiled: bool) -> None:
    """Frozen, evolvable, convertible: the public attrs records."""
    ref = ClaimRef("d", "c1", (0, 3), "$1", "$1 bln.")
    arithmetic = make_arithmetic("1 + 2", (3.0, 3.0), (3.0, 3.0), 0.0, "bln", 0.1)
    made = make_finding("CC101", "parts", "error", "m", (ref,), arithmetic)
    assert type(made) is Finding and made.claims == (ref,)
    expected = Finding("CC101", "parts", "error", "n", (ref,), arithmetic)
    assert attrs.evolve(made, message="n") == expected
    assert attrs.asdict(made)["arithmetic"]["unit"] == "bln"
    assert made.to_dict()["claims"][0]["span"] == [0, 3]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        made.message = "x"  # type: ignore[misc]
