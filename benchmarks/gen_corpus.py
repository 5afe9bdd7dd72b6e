"""Generate a synthetic corpus of trade-news articles (for the store and scale benchmarks).

Usage (from the project root)::

    .venv/bin/python benchmarks/gen_corpus.py OUT.jsonl --documents 10000 [--seed 1]
    .venv/bin/python benchmarks/gen_corpus.py OUTDIR --documents 100 --format md

Each article reports on one country pair and one period (a year, January-N
or a half-year) between 2013 and 2024: turnover, exports and imports (which
add up), the balance, a year-on-year growth rate consistent with the
previous year's turnover, sometimes a target, plus filler sentences.
Every article on the same pair and period draws from one set of "true"
figures, so articles interlock; a share of articles (``--errors``, default
5%) carries an injected error (a wrong total, a wrong growth rate or a
flipped balance), listed in a hidden ``.errors.json`` beside the output.
``--hot-share`` puts a share of the articles on one pair (China-Russia), as
in a real archive where some pairs dominate.

Output: JSONL (one object per line with ``id``, ``published``, ``source``,
``title``, ``text``) or, with ``--format md``, one ``.md`` file per article
with front matter.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from collections.abc import Iterator
from pathlib import Path

COUNTRIES = [
    "China", "Russia", "India", "Brazil", "Turkey", "Germany", "Japan", "Vietnam",
    "Egypt", "Kazakhstan", "Uzbekistan", "South Korea", "France", "Italy", "Spain",
    "Poland", "Indonesia", "Malaysia", "Thailand", "Mexico", "Argentina", "Chile",
    "Nigeria", "Kenya", "South Africa", "Saudi Arabia", "Iran", "Pakistan",
    "Bangladesh", "Belarus", "Azerbaijan", "Georgia", "Armenia", "Mongolia",
    "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Serbia", "Hungary", "Greece",
]  # fmt: skip
"""40 countries: 780 pairs."""

SOURCES = ["Eastern Trade Wire", "Silk Road Courier", "Customs Daily", "Border Ledger"]
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
]  # fmt: skip
FILLER = [
    "Officials on both sides said they expect the momentum to continue.",
    "Analysts attribute the change to energy prices and new logistics routes.",
    "Payment problems and sanctions remain the main obstacles, bankers said.",
    "The two governments signed several cooperation agreements last month.",
    "Traders increasingly settle contracts in national currencies.",
    "A new rail corridor is expected to cut delivery times by a third.",
]


def _round(value: float, digits: int) -> float:
    return round(value, digits)


def _money(value_bln: float) -> str:
    if value_bln >= 1:
        return f"${value_bln:.2f} bln"
    return f"${value_bln * 1000:.1f} mln"


class World:
    """The "true" figures: turnover and export share per pair and year (deterministic)."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self._cache: dict[tuple[str, str, int], tuple[float, float]] = {}

    def figures(self, a: str, b: str, year: int) -> tuple[float, float]:
        """(turnover in bln USD, share of ``a``'s exports in it) for a calendar year."""
        first, second = sorted((a, b))
        key = (first, second, year)
        if key not in self._cache:
            rng = random.Random(f"{self.seed}|{first}|{second}|{year}")
            pair = f"{self.seed}|{first}|{second}"
            base = random.Random(pair).uniform(0.5, 250.0)
            growth = 1.0 + random.Random(pair + "|g").uniform(-0.05, 0.12)
            turnover = base * growth ** (year - 2012) * rng.uniform(0.9, 1.1)
            self._cache[key] = (turnover, rng.uniform(0.25, 0.75))
        turnover, share = self._cache[key]
        return turnover, share if a == first else 1.0 - share


def article(
    world: World, rng: random.Random, number: int, error_rate: float, hot_share: float = 0.0
) -> dict[str, object]:
    """One article as a JSON-ready object (``error`` says what was injected, if anything).

    A share ``hot_share`` of the articles is about China and Russia (a pair
    an archive covers far more than the others).
    """
    if rng.random() < hot_share:
        a, b = rng.sample(["China", "Russia"], 2)
    else:
        a, b = rng.sample(COUNTRIES, 2)
    year = rng.randint(2013, 2024)
    months = rng.choice([12, 12, 12, 6, 9, 10])
    fraction = months / 12
    turnover, share = world.figures(a, b, year)
    turnover *= fraction
    prior = world.figures(a, b, year - 1)[0] * fraction
    exports = _round(turnover * share, 2)
    imports = _round(turnover * (1 - share), 2)
    total = _round(exports + imports, 2)
    growth = _round((total / prior - 1) * 100, 1)
    error = None
    if rng.random() < error_rate:
        error = rng.choice(["total", "growth", "balance"])
    stated_total = _round(total * 1.15, 2) if error == "total" else total
    stated_growth = _round(growth + 9.0, 1) if error == "growth" else growth
    balance = _round(exports - imports, 2)
    if error == "balance":
        balance = -balance
    if months == 12:
        period, when = f"in {year}", f"{year}"
        published = dt.date(year + 1, rng.randint(1, 3), rng.randint(1, 28))
    else:
        period = f"in January-{MONTHS[months - 1]} {year}"
        when = f"January-{MONTHS[months - 1]} {year}"
        published = dt.date(year, months + 1, rng.randint(1, 28))
    direction = "up" if stated_growth >= 0 else "down"
    side = "surplus" if balance >= 0 else "deficit"
    sentences = [
        f"Trade between {a} and {b} reached {_money(stated_total)} {period}, "
        f"{direction} {abs(stated_growth)}% year on year, customs data showed.",
        f"{a}'s exports to {b} amounted to {_money(exports)}, while imports from {b} "
        f"were {_money(imports)}.",
        f"{a} thus ran a trade {side} of {_money(abs(balance))} with {b}.",
    ]
    if rng.random() < 0.3:
        sentences.append(
            f"The two countries aim to raise trade to ${max(5, round(total * 2, -1)):.0f} bln "
            f"by {year + 5}."
        )
    sentences.append(rng.choice(FILLER))
    if rng.random() < 0.5:
        sentences.append(rng.choice(FILLER))
    paragraphs = [" ".join(sentences[:2]), " ".join(sentences[2:])]
    return {
        "id": f"a{number:07d}",
        "published": published.isoformat(),
        "source": rng.choice(SOURCES),
        "title": f"{a}-{b} trade {when}",
        "text": "\n\n".join(paragraphs) + "\n",
        "error": error,
    }


def generate(
    count: int, *, seed: int = 1, error_rate: float = 0.05, hot_share: float = 0.0
) -> Iterator[dict[str, object]]:
    """``count`` articles, deterministic for ``seed``.

    The "true" figures do not depend on ``seed``: corpora generated with
    different seeds (an archive and a few new articles) report on one world.
    """
    world = World(0)
    rng = random.Random(seed)
    for number in range(count):
        yield article(world, rng, number, error_rate, hot_share)


def write(
    out: Path,
    count: int,
    *,
    seed: int = 1,
    error_rate: float = 0.05,
    hot_share: float = 0.0,
    fmt: str = "jsonl",
    shard: int = 0,
) -> list[str]:
    """Write the corpus to ``out`` (a JSONL file or a directory of .md); return the erroneous ids.

    The erroneous ids also go to a hidden ``.errors.json`` (inside the
    directory, or ``.OUT.errors.json`` beside the JSONL file), which
    ``claimcheck`` does not read as an article. With ``shard``, a JSONL
    corpus is a directory ``out`` of ``part-NNNNN.jsonl`` files of at most
    ``shard`` articles each (claimcheck reads files of up to 10 MB).
    """
    errors: list[str] = []
    items = generate(count, seed=seed, error_rate=error_rate, hot_share=hot_share)
    if fmt == "md":
        out.mkdir(parents=True, exist_ok=True)
        for item in items:
            if item.pop("error"):
                errors.append(str(item["id"]))
            front = "".join(f"{k}: {item[k]}\n" for k in ("published", "source", "title"))
            (out / f"{item['id']}.md").write_text(f"---\n{front}---\n{item['text']}")
        sidecar = out / ".errors.json"
    elif shard:
        out.mkdir(parents=True, exist_ok=True)
        lines: list[str] = []
        for number, item in enumerate(items, 1):
            if item.pop("error"):
                errors.append(str(item["id"]))
            lines.append(json.dumps(item, ensure_ascii=False) + "\n")
            if len(lines) == shard or number == count:
                part = out / f"part-{(number - 1) // shard:05d}.jsonl"
                part.write_text("".join(lines), encoding="utf-8")
                lines = []
        sidecar = out / ".errors.json"
    else:
        with out.open("w", encoding="utf-8") as stream:
            for item in items:
                if item.pop("error"):
                    errors.append(str(item["id"]))
                stream.write(json.dumps(item, ensure_ascii=False) + "\n")
        sidecar = out.with_name(f".{out.name}.errors.json")
    sidecar.write_text(json.dumps(errors) + "\n", encoding="utf-8")
    return errors


def main() -> None:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="output .jsonl file, or directory with --format md")
    parser.add_argument("--documents", "-n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--errors", type=float, default=0.05, help="share of erroneous articles")
    parser.add_argument(
        "--hot-share", type=float, default=0.0, help="share of articles on China-Russia"
    )
    parser.add_argument("--format", choices=("jsonl", "md"), default="jsonl")
    parser.add_argument(
        "--shard", type=int, default=0, help="JSONL: a directory of files of N articles each"
    )
    args = parser.parse_args()
    errors = write(
        args.out,
        args.documents,
        seed=args.seed,
        error_rate=args.errors,
        hot_share=args.hot_share,
        fmt=args.format,
        shard=args.shard,
    )
    print(f"{args.documents} articles -> {args.out} ({len(errors)} with injected errors)")


if __name__ == "__main__":
    main()
