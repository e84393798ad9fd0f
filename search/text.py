"""Text helpers shared by the query service and the database backends."""

import re
import unicodedata

# Han, Hiragana, Katakana and Hangul: scripts written without spaces between words (Chinese),
# or with particles glued to words (Korean), which SQLite's and PostgreSQL's tokenizers keep
# as one long token.
CJK_RUN = re.compile(
    r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+"
)
WORD = re.compile(r"\w+", re.UNICODE)


def has_cjk(text):
    return bool(CJK_RUN.search(text or ""))


def cjk_bigrams(text):
    """Overlapping character pairs of every CJK run: 兒童照顧 -> 兒童 童照 照顧. Indexed beside
    the text so that any two characters a reader types match, wherever the word boundaries are."""
    grams = []
    for run in CJK_RUN.findall(text or ""):
        if len(run) == 1:
            grams.append(run)
        grams.extend(run[i : i + 2] for i in range(len(run) - 1))
    return " ".join(grams)


def cjk_query(query_string):
    """The query rewritten for a bigram index: each CJK run becomes its bigrams (all required),
    other words stay as typed."""
    if not has_cjk(query_string):
        return query_string
    return CJK_RUN.sub(lambda match: f" {cjk_bigrams(match.group())} ", query_string).strip()


def fold(text):
    """Lower case without accents, for comparing what people type: "jóvenes" == "jovenes"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def clean_query(text):
    """Collapse whitespace and drop control characters and characters the full-text engines
    treat as syntax."""
    text = "".join(
        " " if unicodedata.category(char).startswith("C") else char for char in text or ""
    )
    text = re.sub(r"[\"'()*:^{}\[\]<>+~\\]", " ", text)
    return " ".join(text.split())


def words(text):
    return WORD.findall(text or "")
