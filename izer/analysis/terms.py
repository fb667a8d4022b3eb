"""Tables of words matched against a prepared text, and where their hits lie relative to each other.

A :class:`Terms` table compiles its entries into one regular expression over the space-joined keys of a
message; entries are words (``fren``), stems that match any suffix (``fren*`` matches ``frenim``,
``frenleri``), phrases (``hakem heyet*``), phrases with a gap of up to three words (``fren* ~ tutmuyo*``)
and, where nothing else fits, a raw pattern (``re:...``) written over keys. :class:`Matches` finds each
table's hits once; :func:`near`, :func:`close`, :func:`following`, :func:`unclaimed` and :func:`uncovered`
relate hits of different tables.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from izer.analysis.text import Text, squeeze, word_key

_GAP = r"(?:[a-z0-9]+ ){0,3}"
_SOFTENED = {"k": "g", "p": "b", "t": "d"}
"""Final consonants that soften before a vowel suffix: savcılık → savcılığa, kilit → kilidi, kitap → kitabı."""
_SOFTENING_MIN_LENGTH = 5


def _stem_pattern(key: str) -> str:
    """A stem and its suffixes, including the softened form (``savcilik*`` also matches ``savciliga``).

    Only stems of five letters or more soften: most one-syllable words keep their consonant (``top`` → ``topu``).
    """
    soft = _SOFTENED.get(key[-1:]) if len(key) >= _SOFTENING_MIN_LENGTH and key.isalpha() else None
    if soft is None:
        return re.escape(key) + "[a-z0-9]*"
    return re.escape(key[:-1]) + f"(?:{key[-1]}[a-z0-9]*|{soft}[aeiou][a-z0-9]*)"


def _compile_entry(entry: str) -> str:
    if entry.startswith("re:"):
        return "(?:" + squeeze(entry[3:]) + ")"
    parts: list[str] = []
    for word in entry.split():
        if word == "~":
            parts.append(_GAP)
            continue
        key = word_key(word.rstrip("*"))
        parts.append((_stem_pattern(key) if word.endswith("*") else re.escape(key)) + " ")
    return "(?:" + "".join(parts)[:-1] + ")"


@dataclass(frozen=True, slots=True)
class Hit:
    """One match: the tokens it covers (``first``..``last`` inclusive) and the matched key text."""

    first: int
    last: int
    key: str


def near(signs: list[Hit], subjects: list[Hit], text: Text, reach: int | None) -> list[Hit]:
    """The hits of ``signs`` with a hit of ``subjects`` in the same sentence, at most ``reach`` words away on
    either side (anywhere in the sentence when ``reach`` is None): "fren kolu gidona değiyor, hiçbir şey
    olmuyor" pairs the brake with its failure, "fren balatası kaç lira. Bisiklet kırık geldi" does not.

    Subjects are indexed by sentence, so a text full of both costs n log n, not n²."""
    if not signs or not subjects:
        return []
    index = SentenceIndex(subjects, text)
    return [sign for sign in signs if index.within(sign, reach)]


class SentenceIndex:
    """Hits grouped by sentence, ordered by their first word, with the furthest last word so far: whether
    one of them lies within a reach of a hit is a binary search."""

    __slots__ = ("_firsts", "_reach_ends", "_text")

    def __init__(self, hits: list[Hit], text: Text) -> None:
        self._text = text
        grouped: dict[int, list[Hit]] = {}
        for hit in hits:
            grouped.setdefault(text.sentences[hit.first], []).append(hit)
        self._firsts: dict[int, list[int]] = {}
        self._reach_ends: dict[int, list[int]] = {}
        for sentence, members in grouped.items():
            members.sort(key=lambda hit: hit.first)
            self._firsts[sentence] = [hit.first for hit in members]
            ends, furthest = [], -1
            for hit in members:
                furthest = max(furthest, hit.last)
                ends.append(furthest)
            self._reach_ends[sentence] = ends

    def within(self, hit: Hit, reach: int | None) -> bool:
        """A hit of the index in ``hit``'s sentence starting at most ``reach`` words after it and ending at
        most ``reach`` words before it (anywhere in the sentence when ``reach`` is None)."""
        sentence = self._text.sentences[hit.first]
        firsts = self._firsts.get(sentence)
        if not firsts:
            return False
        if reach is None:
            return True
        count = bisect_right(firsts, hit.last + reach)
        return count > 0 and self._reach_ends[sentence][count - 1] >= hit.first - reach


class Terms:
    """A table of words, stems and phrases compiled into one pattern over a :class:`Text`."""

    __slots__ = ("entries", "_pattern")

    def __init__(self, *entries: str) -> None:
        self.entries = entries
        body = "|".join(_compile_entry(entry) for entry in entries)
        self._pattern = re.compile(r"(?<= )(?:" + body + r")(?= )")

    def hits(self, text: Text) -> list[Hit]:
        found: list[Hit] = []
        for match in self._pattern.finditer(text.joined):
            first = text.token_at(match.start())
            last = text.token_at(match.end() - 1)
            found.append(Hit(first, last, match.group()))
        return found

    def search(self, text: Text) -> bool:
        return self._pattern.search(text.joined) is not None

    def vocabulary(self) -> set[str]:
        """The plain words and stems of the table (raw patterns excluded), for typo correction."""
        words: set[str] = set()
        for entry in self.entries:
            if entry.startswith("re:"):
                continue
            words.update(word_key(word.rstrip("*")) for word in entry.split() if word != "~")
        return words


class Matches(dict[Terms, list[Hit]]):
    """The hits of each table in one text, found the first time a table is asked for: a table of signs is
    never scanned in a text that names none of their subjects."""

    def __init__(self, text: Text) -> None:
        super().__init__()
        self.text = text

    def __missing__(self, table: Terms) -> list[Hit]:
        found = table.hits(self.text)
        self[table] = found
        return found

    def paired(self, signs: Terms, subjects: list[Hit], reach: int | None) -> list[Hit]:
        """The hits of ``signs`` in a sentence with one of ``subjects``, at most ``reach`` words away."""
        return near(self[signs], subjects, self.text, reach) if subjects else []


def close(hit: Hit, others: Iterable[Hit], before: int, after: int) -> bool:
    """Whether one of ``others`` ends at most ``before`` words before ``hit`` or starts at most ``after`` words
    after it (overlapping counts)."""
    return any(hit.first - before <= other.last and other.first <= hit.last + after for other in others)


class Spans:
    """Hits ordered by their first word, with the furthest last word so far: whether one of them touches or
    covers a hit is a binary search, so checking every hit of a long text against another table costs
    n log n, not n²."""

    __slots__ = ("_firsts", "_ends")

    def __init__(self, hits: Iterable[Hit]) -> None:
        ordered = sorted(hits, key=lambda hit: hit.first)
        self._firsts = [hit.first for hit in ordered]
        self._ends: list[int] = []
        furthest = -1
        for hit in ordered:
            furthest = max(furthest, hit.last)
            self._ends.append(furthest)

    def touches(self, hit: Hit, before: int = 0, after: int = 0) -> bool:
        """One of them ends at most ``before`` words before ``hit`` and starts at most ``after`` words after it."""
        count = bisect_right(self._firsts, hit.last + after)
        return count > 0 and self._ends[count - 1] >= hit.first - before

    def covers(self, hit: Hit) -> bool:
        """One of them starts at or before ``hit`` and ends at or after it."""
        count = bisect_right(self._firsts, hit.first)
        return count > 0 and self._ends[count - 1] >= hit.last


def unclaimed(found: list[Hit], others: Iterable[Hit]) -> list[Hit]:
    """The hits of ``found`` that share no word with one of ``others`` ("son fell" in "son fell asleep")."""
    if not found:
        return []
    spans = Spans(others)
    return [hit for hit in found if not spans.touches(hit)]


def uncovered(found: list[Hit], covers: Iterable[Hit]) -> list[Hit]:
    """The hits of ``found`` not inside one of ``covers`` ("avukat" inside "ben avukatım")."""
    if not found:
        return []
    spans = Spans(covers)
    return [hit for hit in found if not spans.covers(hit)]


def following(verbs: list[Hit], subjects: list[Hit], text: Text, reach: int) -> list[Hit]:
    """The hits of ``verbs`` that follow one of ``subjects`` within ``reach`` words in its clause, as a verb
    follows its subject: "the front brake just doesn't grab", "fren çekmiyor"; not "a squeaking brake and the
    seat wouldn't stay up"."""
    if not verbs or not subjects:
        return []
    ends: dict[int, list[int]] = {}
    for subject in subjects:
        ends.setdefault(text.clauses[subject.last], []).append(subject.last)
    for lasts in ends.values():
        lasts.sort()

    def follows(verb: Hit) -> bool:
        lasts = ends.get(text.clauses[verb.first], [])
        count = bisect_right(lasts, verb.first - 1)  # subjects ending before the verb
        return count > 0 and verb.first - lasts[count - 1] <= reach

    return [verb for verb in verbs if follows(verb)]
