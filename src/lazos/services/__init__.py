"""Use cases shared by the CLI, the web app and the JSON API.

Each function takes the open :class:`~lazos.store.Store` first and keyword-only arguments,
runs in one transaction, and returns domain objects from :mod:`lazos.model`.
"""
