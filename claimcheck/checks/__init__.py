"""The consistency checks, one rule per module (importing this package registers them)."""

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
    cc501_verbal_multiplier,
    cc502_percent_vs_points,
    cc601_conflicting_targets,
    cc602_target_status,
    cc603_record,
    cc701_reference,
)

__all__ = [
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
    "cc501_verbal_multiplier",
    "cc502_percent_vs_points",
    "cc601_conflicting_targets",
    "cc602_target_status",
    "cc603_record",
    "cc701_reference",
]
