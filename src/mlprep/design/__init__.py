"""The ML system design round: the framework, the case studies and design mocks.

``bank`` loads ``framework.toml`` and ``cases/<slug>.toml``; ``mock`` runs a timed mock. Which
rubric points an answer covers is estimated by :mod:`mlprep.rubric`, shared with the prompts.
"""
