"""mlprep: practise machine-learning engineer interviews on your own machine.

Packages, one per concern:
- ``problems``: the problem bank (one folder per problem) and its schema, loader and checkers.
- ``judge``: runs untrusted solutions in a bubblewrap sandbox and turns their output into verdicts.
- ``store``: the submission history (SQLAlchemy 2 + Alembic).
- ``cli``: the ``mlprep`` command line.
"""

__version__ = "0.1.0"
