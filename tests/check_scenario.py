"""A small, fixed ``claimcheck check`` result for the report-writer tests.

Two short articles written for these tests: ``wire/harbour.md`` states a
turnover its own flows do not add up to (CC101), a total that another
article gives differently (CC401, across documents), a growth figure whose
levels disagree (a warning with an open-ended interval) in a sentence full of
text that must never be interpreted (HTML, rich markup, a mention, an ANSI
escape); ``daily/pampas.md`` is consistent. The Report is built by hand (not
by the engine), so the golden files test the writers alone and do not move
when the rules' wording changes.
"""

from __future__ import annotations

import datetime as dt

from claimcheck.documents import make_document
from claimcheck.findings import Arithmetic, ClaimRef, Finding, NotChecked, Report, Verified
from claimcheck.inputs import InputStatus
from claimcheck.model import Document

HARBOUR = make_document(
    "Trade between Chile and Argentina reached $84.62 bln in 2023, according to customs data.\n"
    "\n"
    "Chile's exports to Argentina were $41.35 bln and its imports from Argentina "
    "$42.17 bln in 2023.\n"
    "\n"
    'A spokesman called the 50% rise "historic" <script>alert("x")</script> '
    "[bold]not markup[/bold] `tick` *star* @someone \x1b[2J 100%, a *record*.\n",
    id="wire/harbour.md",
    published=dt.date(2024, 1, 15),
    path="news/wire/harbour.md",
)
PAMPAS = make_document(
    "Chile-Argentina trade turnover totalled $83.52 bln in 2023.\n"
    "Chile's exports to Argentina amounted to $41.35 bln in 2023, while its imports "
    "from Argentina were $42.17 bln.\n",
    id="daily/pampas.md",
    published=dt.date(2024, 1, 20),
    path="news/daily/pampas.md",
)
DOCUMENTS: dict[str, Document] = {HARBOUR.id: HARBOUR, PAMPAS.id: PAMPAS}


def sentence_of(document: Document, start: int) -> str:
    """The line (our articles have one sentence per line) around ``start``."""
    text = document.text
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", start)
    return text[left : len(text) if right < 0 else right].strip()


def ref(document: Document, surface: str, occurrence: int = 1, number: int = 0) -> ClaimRef:
    """Cite the ``occurrence``-th ``surface`` in ``document``."""
    start = -1
    for _ in range(occurrence):
        start = document.text.index(surface, start + 1)
    return ClaimRef(
        document=document.id,
        id=f"{document.id}#{number}",
        span=(start, start + len(surface)),
        text=surface,
        sentence=sentence_of(document, start),
    )


H_TOTAL = ref(HARBOUR, "$84.62 bln", number=1)
H_EXPORTS = ref(HARBOUR, "$41.35 bln", number=2)
H_IMPORTS = ref(HARBOUR, "$42.17 bln", number=3)
H_GROWTH = ref(HARBOUR, "50%", number=4)
H_HUNDRED = ref(HARBOUR, "100%", number=5)
P_TOTAL = ref(PAMPAS, "$83.52 bln", number=1)
P_EXPORTS = ref(PAMPAS, "$41.35 bln", number=2)
P_IMPORTS = ref(PAMPAS, "$42.17 bln", number=3)


def scenario_report() -> Report:
    """The fixed report: 2 errors, 1 warning, 1 info, 3 verified, 3 not checked."""
    results = [
        Finding(
            code="CC101",
            name="parts-sum",
            severity="error",
            message=(
                "The two flows add up to 83.52 USD bln, not the stated total of "
                "84.62 USD bln (Argentina–Chile trade turnover, 2023)."
            ),
            claims=(H_TOTAL, H_IMPORTS, H_EXPORTS),
            arithmetic=Arithmetic(
                expression="42.17 + 41.35 = 83.52 (±0.01) vs stated 84.62 (±0.005)",
                computed=(83.51, 83.53),
                stated=(84.615, 84.625),
                gap=1.085,
                unit="USD bln",
                tolerance=0.4231,
            ),
        ),
        Finding(
            code="CC401",
            name="conflicting-figures",
            severity="error",
            message=(
                "The same figure (Argentina–Chile trade turnover, 2023) is given as "
                "83.52 and 84.62 USD bln in two articles."
            ),
            claims=(P_TOTAL, H_TOTAL),
            arithmetic=Arithmetic(
                expression="83.52 (±0.005) vs 84.62 (±0.005)",
                computed=(83.515, 83.525),
                stated=(84.615, 84.625),
                gap=1.09,
                unit="USD bln",
                tolerance=0.4231,
            ),
        ),
        Finding(
            code="CC201",
            name="growth-vs-levels",
            severity="warning",
            message="A rise of 50% is stated, but the levels imply over 60%: 100%, or more.",
            claims=(H_GROWTH, H_HUNDRED),
            arithmetic=Arithmetic(
                expression="100 / 62.5 − 1 = 60% (≥) vs stated 50% (±0.5)",
                computed=(60.0, float("inf")),
                stated=(49.5, 50.5),
                gap=9.5,
                unit="percent",
            ),
        ),
        Finding(
            code="CC603",
            name="record-contradicted",
            severity="info",
            message="A record is claimed; no earlier figure to compare with.",
            claims=(H_HUNDRED,),
        ),
        Verified(
            code="CC101",
            name="parts-sum",
            message="Argentina–Chile trade turnover in 2023: the two flows add up to the total.",
            claims=(P_TOTAL, P_IMPORTS, P_EXPORTS),
            arithmetic=Arithmetic(
                expression="42.17 + 41.35 = 83.52 (±0.01) vs stated 83.52 (±0.005)",
                computed=(83.51, 83.53),
                stated=(83.515, 83.525),
                gap=0.0,
                unit="USD bln",
                tolerance=0.4176,
            ),
        ),
        Verified(
            code="CC401",
            name="conflicting-figures",
            message="The Chile→Argentina trade, 2023 agrees in two articles.",
            claims=(H_EXPORTS, P_EXPORTS),
            arithmetic=Arithmetic(
                expression="41.35 (±0.005) vs 41.35 (±0.005)",
                computed=(41.345, 41.355),
                stated=(41.345, 41.355),
                gap=0.0,
                unit="USD bln",
            ),
        ),
        Verified(
            code="CC103",
            name="part-exceeds-whole",
            message="Argentina→Chile trade is within the Argentina–Chile trade turnover in 2023.",
            claims=(P_TOTAL, P_IMPORTS),
        ),
        NotChecked(
            code="CC201",
            name="growth-vs-levels",
            reason="no period stated",
            claims=(H_HUNDRED,),
        ),
        NotChecked(
            code="CC301",
            name="subperiod-exceeds-period",
            reason="no metric word in the sentence",
            claims=(H_GROWTH,),
        ),
        NotChecked(
            code="CC302",
            name="period-sum",
            reason="no period stated",
            claims=(P_IMPORTS,),
        ),
    ]
    return Report.build(
        results,
        documents=[HARBOUR.id, PAMPAS.id],
        claims_count=8,
        rules=["CC101", "CC103", "CC201", "CC301", "CC302", "CC401", "CC603"],
    )


INPUTS: tuple[InputStatus, ...] = (
    InputStatus.of_document(HARBOUR),
    InputStatus(
        "news/wire/feed.jsonl",
        "failed",
        "invalid JSON: Expecting ',' delimiter (column 18)",
        line=3,
    ),
    InputStatus.of_document(PAMPAS),
    InputStatus("news/daily/scan.pdf", "skipped", "not a text document: PDF document"),
)
"""How the scenario's inputs ended: both articles checked, one JSONL line failed, a PDF skipped."""
