"""Write the seed corpus of the fuzz harness (texts written for claimcheck).

Each seed is one selector byte (see ``SUFFIXES`` in fuzz_claimcheck.py)
followed by a file's content. Run: ``python fuzz/make_seeds.py``.
"""

from __future__ import annotations

from pathlib import Path

CORPUS = Path(__file__).parent / "corpus"

TXT, MD, JSON, JSONL, OTHER = range(5)

SEEDS: dict[str, tuple[int, bytes]] = {
    "article.md": (
        MD,
        b"---\npublished: 2024-01-15\nsource: Harbour Ledger\ntitle: Port trade\n---\n"
        b"Trade between Norland and Vesta reached $48.2 bln in 2023, up 6.1% year on year. "
        b"Norland's exports to Vesta rose to $30.5 bln, while imports fell 2% to $17.7 bln.\n",
    ),
    "ranges.txt": (
        TXT,
        b"Date: 8 November 2023\nGrain shipments of 10-12 mln tonnes are expected, "
        b"about 40% more than the 8.3 million tonnes of last year; the target is "
        b"$100 billion by 2030. Oil output stood at 9.5 mln barrels per day in January-October.\n",
    ),
    "list.json": (
        JSON,
        b'[{"id": "a", "text": "Exports grew by 3.4 percentage points to 27.9% of GDP.", '
        b'"published": "2023-05-02"}, {"text": "Imports: RUB 1.2 trillion (over 15% more)."}]',
    ),
    "lines.jsonl": (
        JSONL,
        b'{"text": "Turnover hit a record 1,250 thousand TEU in H1 2024."}\n'
        b"not json\n"
        b'{"text": "Tourist arrivals doubled to 14.9 million.", "published": "2024-02-30"}\n',
    ),
    "plain.dat": (OTHER, b"The deficit narrowed to \xe2\x82\xac3.1bn from \xe2\x82\xac4.6bn.\n"),
    "utf16.txt": (TXT, "Sales rose 5% to ¥2.5 trillion.".encode("utf-16")),
    "front_matter_bad.md": (MD, b"---\npublished: yesterday\n---\nText with 5 figures.\n"),
    "numbers.txt": (
        TXT,
        b"1 2 3 4.5 6,789 10.11% 12-13 $14 -15 +16 (17) 1/2 3:4 5x 6bn 7m 8k 9th 10s\n",
    ),
}


def main() -> None:
    """Write every seed file."""
    CORPUS.mkdir(exist_ok=True)
    for name, (selector, content) in SEEDS.items():
        (CORPUS / name).write_bytes(bytes([selector]) + content)


if __name__ == "__main__":
    main()
