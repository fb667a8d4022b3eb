"""Domain vocabulary of the rule analyzer: Turkish first, English second, WhatsApp spelling tolerated.

Entries are folded like messages (see :mod:`analysis.text`): write them with or without diacritics.
``word*`` is a stem (any suffix), ``a b`` a phrase, ``a ~ b`` a phrase with up to three words between,
``re:`` a raw pattern over keys. Continuous tenses are written ``-iyo*`` because WhatsApp drops the r.

The tables live in one module per role: :mod:`.safety` (heat, fire, injuries, hedges), :mod:`.parts` (safety
subjects and their signs of failure), :mod:`.harm` (the rider hurt), :mod:`.framing` (how a story is told),
:mod:`.situations` (missing, stranded, legal, B2B, time pressure), :mod:`.categories` and :mod:`.general`.
This package gathers them (``lexicon.BRAKE``), says which tables give keywords and which the reader may scan,
and teaches the typo corrector their words.
"""

from __future__ import annotations

from izer.analysis.lexicon.categories import *
from izer.analysis.lexicon.framing import *
from izer.analysis.lexicon.general import *
from izer.analysis.lexicon.harm import *
from izer.analysis.lexicon.parts import *
from izer.analysis.lexicon.safety import *
from izer.analysis.lexicon.situations import *
from izer.analysis.terms import Terms
from izer.analysis.text import TYPOS

# fmt: off
KEYWORD_TABLES: tuple[Terms, ...] = (
    FIRE, FIRE_SIGN, BRAKE_FAILURE, STRUCTURE_FAILURE, ACCIDENT_EVENT, ACCIDENT, INJURY, STRANDED, LEGAL,
    COMPLAINT_STRONG, COMPLAINT_OUTRIGHT, PRICE_GRIEVANCE,
    DOUBLE_CHARGE, BLOCKING, DEFECT, PART, QUANTITY, SALES_STRONG, SUPPORT, SALES, INQUIRY, RENTAL,
    COMPLAINT_WEAK, URGENT, NO_RUSH, SPAM,
)
"""Tables whose matches become keywords, most telling first."""
# fmt: on
FILLER_TABLES: tuple[Terms, ...] = (GREETING, THANKS, WISHES, POSITIVE, CLOSING)
"""Words that carry no request: a message made only of these is a greeting, thanks or closing."""

_CRITICAL_TABLES = (
    HEATING,
    WOBBLE,
    BRAKE_SIGN,
    STOP_FAILURE,
    FIRE_SIGN,
    FRAME_SIGN,
    WHEEL_SIGN,
    TYRE_SIGN,
    HARM,
    ACHE,
    RIDER_FALL,
    INCIDENT,
    IMPACT,
    CARE,
    MORTAL_DANGER,
    RUNAWAY_SIGN,
    FIRE,
    BRAKE_FAILURE,
    STRUCTURE_FAILURE,
    NEAR_MISS,
    RUNAWAY,
    ACCIDENT,
    ACCIDENT_EVENT,
    INJURY,
    STRANDED,
    BREAKDOWN,
    LEGAL,
)


def _all_tables() -> tuple[Terms, ...]:
    found = [value for value in globals().values() if isinstance(value, Terms)]
    return tuple(dict.fromkeys(found))


READ_TABLES: tuple[Terms, ...] = _all_tables()
"""Every table of the lexicon, gathered from its modules: :func:`analysis.reading.read` may match a text
against any (a table is only scanned when asked for), and the typo corrector learns the words of all, so
no word of a table is ever "corrected" into another ("binmiyorum" into "binemiyorum")."""


def _teach_typos() -> None:
    """Let the typo corrector aim at the lexicon's words. A misspelling is bent into a critical word only
    when that word is long: "düştü" must not become "düştük" (we fell) and page a person for a battery
    that lost range."""
    for terms in READ_TABLES:
        TYPOS.add(terms.vocabulary(), min_length=8 if terms in _CRITICAL_TABLES else TYPOS.MIN_LENGTH)
    TYPOS.add({"bisiklet", "elektrikli", "listesi", "istiyorum"})


_teach_typos()
