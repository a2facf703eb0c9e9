"""The team server (``mlprep serve --team``, ``mlprep worker``): accounts, and judging on workers.

Accounts: ``accounts`` owns users, roles, passwords (pwdlib, Argon2) and the login lockout;
``sessions`` the signed session cookie's settings and secret.

Judging, on PostgreSQL and Dramatiq + Redis: ``jobs`` owns the job rows (the ``jobs`` table of
migration 0005): writing one when a learner submits, reading it for that learner only, the
worker's claim, progress and final store (once), and finding stale ones to send again.
``queue`` owns the broker (Dramatiq's RedisBroker from ``MLPREP_BROKER_URL``), the
``judge_submission`` actor and enqueueing. ``worker`` owns the ``mlprep worker`` process:
Dramatiq's worker threads, each with a warm sandbox, the broker heartbeat and the re-enqueue
sweep. ``web`` owns the web process's side of judging: submit (row first, then enqueue) and the
long poll on the row.

Cohorts (migration 0007_cohorts): ``cohorts`` owns cohorts, invite codes, memberships and
assignments, and the few explicit reads across users they need; ``cohort_figures`` every
aggregate query behind the instructor's cohort table and the learners' assignment progress.
"""
