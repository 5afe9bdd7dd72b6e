"""The subcommands of the ``claimcheck`` command line, one module each.

:mod:`claimcheck.cli` builds the argument parser and dispatches to the
``run(args) -> int`` function of the chosen command; the helpers every
command shares (error lines, colour detection, atomic output files) are in
:mod:`claimcheck.commands._io`.
"""
