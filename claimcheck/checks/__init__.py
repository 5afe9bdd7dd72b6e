"""The consistency checks, one rule per module; importing this package registers them.

The rules are registered from the explicit tuple :data:`RULES` rather than by
decorating each class with :func:`~claimcheck.engine.registry.register`: the
rule modules are compiled with mypyc, which cannot compile a decorated class
deriving from the compiled :class:`~claimcheck.engine.registry.Rule`.
``register`` still serves plug-in rules written in Python.
"""

from claimcheck.checks import (
    cc101_parts_sum,
    cc102_balance,
    cc103_part_exceeds_whole,
    cc104_shares_sum,
    cc201_growth_vs_levels,
    cc202_implied_prior,
    cc203_direction,
    cc301_subperiod,
    cc302_period_sum,
    cc401_conflicting_figures,
    cc402_derived_figures,
    cc501_verbal_multiplier,
    cc502_percent_vs_points,
    cc601_conflicting_targets,
    cc602_target_status,
    cc603_record,
    cc701_reference,
)
from claimcheck.engine.registry import Rule, register

RULES: tuple[type[Rule], ...] = (
    cc101_parts_sum.PartsSum,
    cc102_balance.Balance,
    cc103_part_exceeds_whole.PartExceedsWhole,
    cc104_shares_sum.SharesSum,
    cc201_growth_vs_levels.GrowthVsLevels,
    cc202_implied_prior.ImpliedPrior,
    cc203_direction.DirectionVsParts,
    cc301_subperiod.SubperiodExceedsPeriod,
    cc302_period_sum.PeriodSum,
    cc401_conflicting_figures.ConflictingFigures,
    cc402_derived_figures.DerivedFigures,
    cc501_verbal_multiplier.VerbalMultiplier,
    cc502_percent_vs_points.PercentVsPoints,
    cc601_conflicting_targets.ConflictingTargets,
    cc602_target_status.TargetStatus,
    cc603_record.RecordContradicted,
    cc701_reference.ReferenceMismatch,
)
"""The built-in rules, in code order."""

for _rule in RULES:
    register(_rule)

__all__ = [
    "RULES",
    "cc101_parts_sum",
    "cc102_balance",
    "cc103_part_exceeds_whole",
    "cc104_shares_sum",
    "cc201_growth_vs_levels",
    "cc202_implied_prior",
    "cc203_direction",
    "cc301_subperiod",
    "cc302_period_sum",
    "cc401_conflicting_figures",
    "cc402_derived_figures",
    "cc501_verbal_multiplier",
    "cc502_percent_vs_points",
    "cc601_conflicting_targets",
    "cc602_target_status",
    "cc603_record",
    "cc701_reference",
]
