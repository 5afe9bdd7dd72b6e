"""Score extractors against gold: the project's fixtures and NewsQuant.

``python -m claimcheck.evaluate`` runs both evaluations in one go;
``python -m claimcheck.evaluate.fixtures`` and
``python -m claimcheck.evaluate.newsquant`` run one each.
"""
