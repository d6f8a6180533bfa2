"""When to say "nobody you know can help yet" instead of suggesting the best candidate.

Why several numbers and not one: the raw cosine alone is weakly tied to whether anyone
can really help (some needs are close to everything, some to nothing: docs/models.md),
and the fused z-score alone only says the best person stands out, not that they fit. The
decision adds both, each on the scale measured over the development needs (mean and
spread below: fixed constants, so a decision never depends on the other needs in a run),
plus a bonus when the need's closest kind of solver (knowledge files) is one of the best
person's two strongest kinds: "a plumber is needed and this is a plumber". The threshold
keeps ~92% of answerable development needs answered, leaving a margin over the 90% bar on
harder data. Checked on 165 extra "nobody" cases made by removing each answerable need's
right people from the network (2-fold): abstains on ~45-48% of those, ~41% without the bonus.

In a very small network z-scores mean nothing (three people cannot "stand out"), so
there the raw cosine decides alone.
"""

from __future__ import annotations

from lazos.match.rank import Scores

RAW_MEAN, RAW_SPREAD = 0.291, 0.095
Z_MEAN, Z_SPREAD = 4.75, 1.245
EXPERT_BONUS = 1.0
THRESHOLD = -1.9
SMALL_NETWORK = 30
# Fused score (a z-score over the network) above which a helper *after* the first is
# also worth suggesting (used by callers that list several helpers, e.g. eval scenario).
SUGGEST_Z = 3.0


def confidence(scores: Scores, i: int, best_row: int) -> float:
    """How convincing the best candidate is for need ``i`` (0 = a typical good match)."""
    raw = (scores.raw(i, best_row) - RAW_MEAN) / RAW_SPREAD
    expert = EXPERT_BONUS if scores.is_expert(i, best_row) else 0.0
    if scores.fused.shape[1] < SMALL_NETWORK:
        return 2.0 * raw + expert
    return raw + (float(scores.fused[i, best_row]) - Z_MEAN) / Z_SPREAD + expert


def should_suggest(scores: Scores, i: int, best_row: int) -> bool:
    """True when the best candidate for need ``i`` is convincing enough to suggest."""
    return confidence(scores, i, best_row) >= THRESHOLD
