"""What a reader typed, read into a small safe tree that each engine renders itself.

Nothing a reader types reaches an engine's query language as syntax: words are runs of
letters and digits (`\\w+`), quotes make phrases, and everything else (`NOT`, `*`, `-`, `:`,
brackets, stray quotes) is treated as spacing. English stop words are dropped outside phrases
on both engines, so SQLite and PostgreSQL agree on what "the" or "not" matches (nothing).
"""

import re
from dataclasses import dataclass, field

MAX_QUERY_CHARS = 500  # longer queries are cut here (a reader is told)
MAX_TERMS = 12  # more terms than this add nothing but cost

# PostgreSQL's `english` stop words (tsearch_data/english.stop), shared by both engines.
STOP_WORDS = frozenset(
    [
        "i",
        "me",
        "my",
        "myself",
        "we",
        "our",
        "ours",
        "ourselves",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "he",
        "him",
        "his",
        "himself",
        "she",
        "her",
        "hers",
        "herself",
        "it",
        "its",
        "itself",
        "they",
        "them",
        "their",
        "theirs",
        "themselves",
        "what",
        "which",
        "who",
        "whom",
        "this",
        "that",
        "these",
        "those",
        "am",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "have",
        "has",
        "had",
        "having",
        "do",
        "does",
        "did",
        "doing",
        "a",
        "an",
        "the",
        "and",
        "but",
        "if",
        "or",
        "because",
        "as",
        "until",
        "while",
        "of",
        "at",
        "by",
        "for",
        "with",
        "about",
        "against",
        "between",
        "into",
        "through",
        "during",
        "before",
        "after",
        "above",
        "below",
        "to",
        "from",
        "up",
        "down",
        "in",
        "out",
        "on",
        "off",
        "over",
        "under",
        "again",
        "further",
        "then",
        "once",
        "here",
        "there",
        "when",
        "where",
        "why",
        "how",
        "all",
        "any",
        "both",
        "each",
        "few",
        "more",
        "most",
        "other",
        "some",
        "such",
        "no",
        "nor",
        "not",
        "only",
        "own",
        "same",
        "so",
        "than",
        "too",
        "very",
        "s",
        "t",
        "can",
        "will",
        "just",
        "don",
        "should",
        "now",
    ]
)

WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Term:
    """One word, or a phrase (several words that must appear together, in order)."""

    words: tuple[str, ...]
    prefix: bool = False  # the last word may be the start of a longer word

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1


@dataclass(frozen=True)
class ParsedQuery:
    terms: tuple[Term, ...] = ()
    match_any: bool = False
    titles_only: bool = False
    truncated: bool = False
    notes: tuple[str, ...] = field(default=())

    def __bool__(self) -> bool:
        return bool(self.terms)

    def words(self) -> list[str]:
        return [w for term in self.terms for w in term.words]


def _words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text.replace("_", " "))]


def parse_query(
    text: str, *, match_any: bool = False, titles_only: bool = False, prefix: bool = False
) -> ParsedQuery:
    """Read `text` into terms. `prefix` lets the last word match longer words (autocomplete)."""
    text = text or ""
    truncated = len(text) > MAX_QUERY_CHARS
    if truncated:
        cut = text[:MAX_QUERY_CHARS]
        # Never keep half a word: cut at the last space when there is one.
        text = cut.rsplit(None, 1)[0] if text[MAX_QUERY_CHARS].isalnum() and " " in cut else cut
    terms: list[Term] = []
    # Split on double quotes: odd pieces were inside quotes. An unbalanced quote leaves the
    # last piece "inside"; it is read as a phrase all the same (a sensible reading).
    pieces = text.replace("\u201c", '"').replace("\u201d", '"').split('"')
    for index, piece in enumerate(pieces):
        words = _words(piece)
        if index % 2 == 1 and len(words) > 1:
            terms.append(Term(tuple(words)))
            continue
        for word in words:
            if word in STOP_WORDS:
                continue
            terms.append(Term((word,)))
    unique: list[Term] = []
    for term in terms:
        if term not in unique:
            unique.append(term)
    notes = []
    if len(unique) > MAX_TERMS:
        unique = unique[:MAX_TERMS]
        truncated = True
    if truncated:
        notes.append("Your search was long, so only its beginning was used.")
    if prefix and unique and not unique[-1].is_phrase and not text.rstrip().endswith('"'):
        last = unique[-1]
        unique[-1] = Term(last.words, prefix=True)
    return ParsedQuery(
        terms=tuple(unique),
        match_any=match_any,
        titles_only=titles_only,
        truncated=truncated,
        notes=tuple(notes),
    )
