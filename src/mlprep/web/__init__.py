"""The web app behind ``mlprep serve``: pages and a JSON API over the judge and the store.

``app`` builds the FastAPI application, ``jobs`` queues submissions onto the judge's warm worker
pool so judging never blocks the server, ``api`` is the JSON API under ``/api/``, ``pages`` the
HTML pages (Jinja2 templates in ``templates/``), and ``render`` turns statements into HTML with
math left for KaTeX. Every asset in ``static/`` is served by the app itself: it works offline.
"""
