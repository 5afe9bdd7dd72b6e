"""The rule engine: rounding-aware cross-checks of extracted claims.

``check(documents, ...) -> Report`` runs the registered rules
(:mod:`claimcheck.checks`) over the claims of the documents, indexed by what
they measure (:mod:`claimcheck.engine.index`), with interval arithmetic
(:mod:`claimcheck.engine.intervals`) and pack settings
(:mod:`claimcheck.engine.config`).
"""

from __future__ import annotations

from claimcheck.engine.intervals import Interval
from claimcheck.engine.registry import Rule, RuleSelectionError, all_rules, select_rules
from claimcheck.engine.runner import check

__all__ = ["Interval", "Rule", "RuleSelectionError", "all_rules", "check", "select_rules"]
