"""Connecting people both ways: introductions, follow-ups, invitations, check-ins,
keep-in-touch and the reciprocity ledger (issue 5).

Modules:
- :mod:`.states`         the introduction state machine (pure: no store)
- :mod:`.types`          domain types returned by the services here
- :mod:`.privacy`        the one check that keeps private needs out of messages
- :mod:`.introductions`  suggest → ask → introduce → met → solved
- :mod:`.drafting`       an introduction's parties and its drafts (one per language, vCards)
- :mod:`.matching`       reading the matcher's results into introduction candidates
- :mod:`.followups`      the same-day follow-up pack (email, LinkedIn, Xing)
- :mod:`.invitations`    whom to invite to a meal, and the iCalendar invitation
- :mod:`.checkins`       "how did it go?" and the outcome that closes the loop
- :mod:`.keep`           keep-in-touch cadences
- :mod:`.ledger`         who gave and who received help
- :mod:`.today`          what is due today
"""
