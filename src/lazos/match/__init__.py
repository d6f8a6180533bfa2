"""Matching: who in the network can solve a need (embeddings + knowledge + words).

Start at :mod:`lazos.match.service` (the functions other areas call). The pieces:
``embedder`` (models behind one interface), ``cache`` (embeddings in the store),
``lexical`` (BM25), ``knowledge`` (+ ``knowledge/*.tsv``: problems → kinds of solver),
``index`` (the network as matrices), ``rank`` (fusion), ``abstain``, ``explain``.
"""
