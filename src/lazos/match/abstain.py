"""When to say "nobody you know can help yet" instead of suggesting the best candidate.

Why several numbers and not one: the raw cosine alone is weakly tied to whether anyone
can really help (some needs are close to everything, some to nothing: docs/models.md),
and the fused z-score alone only says the best person stands out, not that they fit. The
decision adds both, each on the scale measured over the development needs (mean and
spread below: fixed constants, so a decision never depends on the other needs in a run),
plus how much the need is about what the best person does (knowledge files: the need's
closeness to the person's two strongest kinds of solver, against its closest kind; "a
plumber is needed and this is a plumber" scores 0). The threshold keeps ~92% of answerable
development needs answered, leaving a margin over the 90% bar on harder data. Checked on 165
extra "nobody" cases made by removing each answerable need's right people from the network
(2-fold): abstains on ~48-52% of those, ~41% with the raw cosine and z-score alone.

A best candidate who names only languages other than the one the need names (a Japanese
translator for a Russian speaker, a Mandarin teacher for "Spanish lessons") is never
suggested, whatever the scores (round 5 in docs/matching.md: on dev this refuses 2 more of
the 165 masked cases and no answerable need).

In a very small network z-scores mean nothing (three people cannot "stand out"), so
there the raw cosine decides alone.

The best of fewer people stands out less (the top z-score of N draws grows like
sqrt(2 ln N)), so a fixed threshold calibrated on the 80-person development network refuses
good helpers in a room of 30 (83% of answerable needs answered instead of ~92%). Below
``REF_NETWORK`` people the threshold is lowered by ``ROOM_SLOPE`` per unit of ln(80 / N).
Measured on random 30-, 45- and 60-person subsets of the development network (6 each; a
need whose right people were left out counts as "nobody"): the threshold that answers ~92%
moves by 0.9-1.2 per unit of ln(80 / N) (abstaining on only ~46% of "nobody" cases at 30),
the one that answers ~90% and abstains on ~50% by 0.7-0.85. 0.8 sits between: rooms of 30,
45 and 60 people answer ~91%, ~91% and ~93% of answerable needs and abstain on ~49%, ~50%
and ~45% of the others (at 80 people nothing changes). On the dev night (30 people) it
raised pair recall from 0.71 to 0.79 at precision 0.73 → 0.71. Stop 12 doubled the weight
of the kind fit, which widened the spread of the confidence: the same calibration (rooms of
30 answering ~91%) now gives a slope of 2.4.
"""

from __future__ import annotations

import math

from lazos.match.rank import Scores

RAW_MEAN, RAW_SPREAD = 0.293, 0.093
Z_MEAN, Z_SPREAD = 4.775, 1.24
FIT_WEIGHT = 30.0    # 3 standard units per standard deviation of the kind fit (0.10)
THRESHOLD = -7.02
# With the second model fused in (round 4) the same constants, re-thresholded on the dev
# set: -3.05 answers 92.1% of answerable dev needs and abstains on 10/15 "nobody" needs and
# 57% of the 165 masked cases (USE alone at -2.98: 93.3%, 8/15, 53%); 58% with the language
# clash rule of should_suggest (team held-out, measured once: 80% answered, 33% refused).
# Stop 10: FIT_WEIGHT 5 -> 15, both thresholds set again to answer ~92% of answerable dev
# needs. The kind fit was the best single sign of a right best candidate on the four
# development nights' extracted needs (AUC 0.81, against 0.71 for the whole confidence);
# on dev, masked cases refused 58.8% -> 60.6% (fused) and 57.0% -> 58.2% (USE alone) at
# the same share answered, 59% -> 64% at 90% answered (docs/matching.md, round 6).
# Stop 12: once a need's kinds were read by both models (round 8), the kind fit told right
# from wrong better, and FIT_WEIGHT 15 -> 30 refused more of the 165 masked dev cases at the
# same 94.5% answered (51.5% -> 57.6%; 20: 56.4%, 25: 56.4%, 40: 55.2%); thresholds set
# again to answer as many dev needs as before (USE alone: 95.2%, "nobody" 60% -> 67%).
# Measured afterwards: team held-out 90.9% answered / 50% refused (was 92.0% / 45.8%),
# team_heldout2 94.3% / 50% (was 94.3% / 41.7%).
# Stop 13: half the hubness correction (Weights.hub 0.5) lifts the confidence of right and
# wrong best candidates alike; -5.70 answers 94.5% of answerable dev needs as before (73%
# of "nobody" needs refused, 56.4% of the masked cases; -5.90 would answer 95.2%).
# Stop 15: the knowledge got 61 finer kinds (knowledge/specialists.tsv: an equine vet beside
# the pet vet, an interpreter beside the sworn translator...) and the broad kinds were
# narrowed, so a look-alike's kind is no longer the need's own kind as often. -6.10 answers
# 95.8% of answerable dev needs (80% of "nobody" refused; at -5.70, 93.9%). At the same
# 90% answered, the hand-written "nobody" needs refused went dev 0.93 -> 0.87, team_dev5
# 0.46 -> 0.56, team held-out 0.54 -> 0.54, team_heldout2 0.62 -> 0.62, team_heldout3
# 0.58 -> 0.67 (docs/matching.md, round 11).
THRESHOLD_FUSED = -6.10
SMALL_NETWORK = 30
# Below SMALL_NETWORK people the decision is the raw cosine and the kind fit alone, with the
# constants from before stop 12 (no benchmark has networks that small to set them again).
SMALL_FIT_WEIGHT = 15.0
SMALL_THRESHOLD, SMALL_THRESHOLD_FUSED = -4.73, -4.50
REF_NETWORK = 80     # size of the network the constants above were measured on
# Stop 12, with FIT_WEIGHT 30: the same six random 30-person subsets of dev answered 86.6%
# at 0.8; 2.4 brings them back to ~91% (1.6: 89.4%, 2.0: 89.9%, 2.8: 91.8%).
ROOM_SLOPE = 2.4


def confidence(scores: Scores, i: int, best_row: int) -> float:
    """How convincing the best candidate is for need ``i`` (suggest at ``THRESHOLD`` or more)."""
    raw = (scores.raw(i, best_row) - RAW_MEAN) / RAW_SPREAD
    if scores.fused.shape[1] < SMALL_NETWORK:
        return 2.0 * raw + SMALL_FIT_WEIGHT * scores.kind_fit(i, best_row)
    fit = FIT_WEIGHT * scores.kind_fit(i, best_row)
    return raw + (float(scores.fused[i, best_row]) - Z_MEAN) / Z_SPREAD + fit


def threshold(n_people: int, n_models: int = 1) -> float:
    """The confidence needed to suggest someone among ``n_people`` (lower in small rooms),
    when ``n_models`` embedders were fused into the ranking."""
    if n_people < SMALL_NETWORK:
        return SMALL_THRESHOLD_FUSED if n_models > 1 else SMALL_THRESHOLD
    base = THRESHOLD_FUSED if n_models > 1 else THRESHOLD
    if n_people < REF_NETWORK:
        return base - ROOM_SLOPE * math.log(REF_NETWORK / n_people)
    return base


def should_suggest(scores: Scores, i: int, best_row: int) -> bool:
    """True when the best candidate for need ``i`` is convincing enough to suggest.

    Never when the need names a language and the best candidate names only other ones (a
    Japanese translator is a look-alike for a Russian speaker, however close the texts are),
    nor when their stated limits exclude what the need names (:mod:`lazos.match.limits`).
    """
    if scores.clash(i, best_row):
        return False
    return confidence(scores, i, best_row) >= threshold(scores.fused.shape[1], scores.n_models)


# A need is suggested when one of its best this-many candidates convinces on their own.
# Stop 11: the best by score is not always the one whose trade fits ("jaw clicks, grinds at
# night": an osteopath first, the dentist a hair behind). On dev, 94.5% of answerable needs
# answered (was 92.7%) at the same 67% refused "nobody" needs as the best alone with a lower
# threshold; team held-out 88.6% answered / 41.7% refused, against 87.5% / 37.5% for the
# best alone at the threshold that answers most (docs/matching.md, round 7).
CONVINCE_TOP = 2


def convincing(scores: Scores, i: int, rows: list[int]) -> list[bool]:
    """For need ``i``'s candidates ``rows`` (best first): which convince on their own. Only
    the first ``CONVINCE_TOP`` may; the need is suggested when any does."""
    return [k < CONVINCE_TOP and should_suggest(scores, i, row) for k, row in enumerate(rows)]
