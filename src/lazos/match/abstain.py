"""When to say "nobody you know can help yet" instead of suggesting the best candidate.

Why not a threshold on the raw cosine: some needs are close to everything and some to
nothing (hubness on the need side), so the raw top score is weakly tied to whether anyone
can really help (docs/models.md). The decision uses how far the best person stands above
everyone else in the network on the fused score (a z-score, so comparable across needs).
"""

from __future__ import annotations

from lazos.match.rank import Scores

SUGGEST_Z = 3.0


def should_suggest(scores: Scores, i: int, best_row: int) -> bool:
    """True when the best candidate for need ``i`` is convincing enough to suggest."""
    return bool(scores.fused[i, best_row] >= SUGGEST_Z)
