"""``claimcheck rules`` and ``claimcheck explain CODE``: what the checks do."""

from __future__ import annotations

import argparse
import sys

from claimcheck.commands._io import EXIT_BAD_INPUT, EXIT_OK, error

__all__ = ["run_explain", "run_rules"]


def run_rules(args: argparse.Namespace) -> int:
    """List every rule: code, name, default severity and one line of what it checks."""
    from claimcheck.engine import all_rules

    rules = all_rules()
    width = max(len(rule.name) for rule in rules)
    for rule in rules:
        sys.stdout.write(
            f"{rule.code}  {rule.name:<{width}}  {rule.severity:<7}  {rule.summary()}\n"
        )
    return EXIT_OK


def run_explain(args: argparse.Namespace) -> int:
    """Print the documentation of one rule, found by its code (case-insensitive)."""
    from claimcheck.engine import all_rules

    wanted = args.code.strip().upper()
    for rule in all_rules():
        if rule.code == wanted:
            sys.stdout.write(f"{rule.code} {rule.name} (default severity: {rule.severity})\n\n")
            sys.stdout.write(rule.doc() + "\n")
            return EXIT_OK
    codes = ", ".join(rule.code for rule in all_rules())
    error(f"no rule {args.code!r} (rules: {codes})")
    return EXIT_BAD_INPUT
