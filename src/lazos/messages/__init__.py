"""Outgoing messages: templates (es/en, editable Jinja2 files), vCards, iCalendar
invitations, the outbox and SMTP sending (issue 5).

- :mod:`.render`  fill a template in a person's language (user copies in LAZOS_HOME win)
- :mod:`.vcard`   a person as a vCard 3.0 (vobject)
- :mod:`.ics`     a meal invitation as iCalendar METHOD:REQUEST (icalendar)
- :mod:`.outbox`  drafts: create, list, edit, discard, mark as sent, mailto links
- :mod:`.smtp`    sending a draft exactly once
"""
