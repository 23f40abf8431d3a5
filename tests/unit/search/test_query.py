"""Reading what a reader typed into safe terms."""

from hub.search.query import MAX_QUERY_CHARS, Term, parse_query


def test_words_are_lowercased_and_stop_words_dropped():
    assert parse_query("The Falls AND the PSIRF").terms == (Term(("falls",)), Term(("psirf",)))


def test_quotes_make_phrases_and_keep_their_stop_words():
    assert parse_query('"fall on the ward" sepsis').terms == (
        Term(("fall", "on", "the", "ward")),
        Term(("sepsis",)),
    )


def test_an_unbalanced_quote_reads_the_rest_as_a_phrase():
    assert parse_query('sepsis "hand hygiene').terms == (
        Term(("sepsis",)),
        Term(("hand", "hygiene")),
    )


def test_operators_and_punctuation_are_spacing():
    assert parse_query('NOT -fall* title:ward (x) "').terms == (
        Term(("fall",)),
        Term(("title",)),
        Term(("ward",)),
        Term(("x",)),
    )


def test_prefix_marks_only_the_last_word():
    query = parse_query("discharge lett", prefix=True)
    assert query.terms == (Term(("discharge",)), Term(("lett",), prefix=True))
    assert parse_query('"discharge letter"', prefix=True).terms[-1].prefix is False


def test_long_queries_are_cut_at_a_word_with_a_note():
    query = parse_query("handover " * 2000)
    assert query.truncated and query.notes
    assert query.terms == (Term(("handover",)),)
    assert len(parse_query("a" * (MAX_QUERY_CHARS * 20)).terms[0].words[0]) == MAX_QUERY_CHARS


def test_repeated_terms_count_once_and_terms_are_bounded():
    assert parse_query("fall fall FALL").terms == (Term(("fall",)),)
    many = parse_query(" ".join(f"word{n}" for n in range(50)))
    assert len(many.terms) == 12 and many.truncated


def test_a_plain_snippet_shows_the_first_forty_words_of_the_summary_or_the_whole_body():
    from django.utils.text import Truncator

    from hub.search.models import SearchDocument
    from hub.searchpages.queries import _plain_snippet

    def whole(text: str) -> str:  # forty words of the whole text, as the snippet promises
        return Truncator(" ".join(text.split())).words(40)

    prose = " ".join(f"word{n}" for n in range(2000))  # about 16,000 characters
    cut_mid_word = "x" * 995 + " " + prose  # the head ends inside a word
    long_words = " ".join("w" * 60 for _ in range(100))  # under forty words in the head
    short = "Falls at  night,\n checked twice."
    for body in (prose, cut_mid_word, long_words, short, ""):
        assert _plain_snippet(SearchDocument(summary="", body=body)) == whole(body)
    assert _plain_snippet(SearchDocument(summary=short, body=prose)) == whole(short)
    escaped = _plain_snippet(SearchDocument(summary="", body="<b> & </b>"))
    assert escaped == "&lt;b&gt; &amp; &lt;/b&gt;"
