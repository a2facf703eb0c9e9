"""The ML system design round: the framework, the case studies and the rubric matcher.

``bank`` loads ``framework.toml`` and ``cases/<slug>.toml``; ``rubric`` estimates which rubric
points a written answer covers.
"""
