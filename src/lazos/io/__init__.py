"""Reading contacts from other programs' files and writing them back out.

One module per format, each turning a file's text into :class:`~lazos.io.records.Contact`
records (or :class:`~lazos.io.records.Rejection` for a bad row, with its line number):

- :mod:`lazos.io.linkedin`  LinkedIn ``Connections.csv``
- :mod:`lazos.io.google`    Google Contacts CSV (current and legacy layouts)
- :mod:`lazos.io.outlook`   Outlook CSV (and the Thunderbird address-book CSV layout)
- :mod:`lazos.io.vcard`     vCard 2.1 / 3.0 / 4.0, many cards per file; vCard 4.0 export
- :mod:`lazos.io.csvmap`    any CSV with a column mapping (``Nombre=name,Correo=email``); CSV export
- :mod:`lazos.io.detect`    which of the above a file is, from its content
- :mod:`lazos.io.encoding`  bytes → text (BOMs, UTF-16, Latin-1/windows-1252, Shift_JIS)

Parsers never touch the store: :mod:`lazos.services.imports` writes what they return, in
one transaction.
"""
