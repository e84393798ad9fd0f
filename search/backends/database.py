"""The embedded search backend: Wagtail's database backend for SQLite or PostgreSQL, with CJK
character bigrams indexed beside the text, and on PostgreSQL a text search configuration per
language. Param LANGUAGE (a language code) picks the configuration that queries use."""

from collections import defaultdict
from itertools import islice

from django.conf import settings
from django.contrib.postgres.search import SearchVector
from django.db import connection, connections
from django.db.models import F, IntegerField, TextField, Value
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast
from modelsearch.backends.database import SearchBackend as database_backend_for_connection
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import And, Boost, Not, Or, PlainText
from modelsearch.utils import get_content_type_pk

from search.backends import language_of
from search.text import cjk_bigrams, cjk_query, has_cjk

# PostgreSQL ships snowball stemmers for these of our languages; the others get 'simple'.
POSTGRES_CONFIGS = {"en": "english", "es": "spanish", "ru": "russian", "fr": "french"}


def postgres_config(language_code):
    return POSTGRES_CONFIGS.get(language_code, "simple")


def bigram_query(query):
    """The same query with every CJK run split into bigrams, as they were indexed."""
    if isinstance(query, str):
        return cjk_query(query)
    if isinstance(query, PlainText):
        return PlainText(cjk_query(query.query_string), operator=query.operator)
    if isinstance(query, (And, Or)):
        return type(query)([bigram_query(subquery) for subquery in query.subqueries])
    if isinstance(query, Not):
        return Not(bigram_query(query.subquery))
    if isinstance(query, Boost):
        return Boost(bigram_query(query.subquery), query.boost)
    return query


def index_entries(index, model, objs):
    return index.entries.filter(
        content_type_id=get_content_type_pk(model), object_id__in=[str(obj.pk) for obj in objs]
    )


class LanguagePostgresIndex(PostgresIndex):
    """Each object's text is stemmed with its own language's configuration, plus CJK bigrams."""

    def add_items(self, model, objs):
        by_language = defaultdict(list)
        for obj in objs:
            by_language[language_of(obj) or settings.LANGUAGE_CODE].append(obj)
        for language_code, group in by_language.items():
            backend = type(self.backend)({"LANGUAGE": language_code})
            PostgresIndex(backend).add_items(model, group)
        for entry in index_entries(self, model, objs).only("pk", "title_text", "body_text"):
            text = f"{entry.title_text} {entry.body_text}"
            if has_cjk(text):
                bigrams = SearchVector(
                    Value(cjk_bigrams(text), output_field=TextField()), config="simple"
                )
                self.entries.filter(pk=entry.pk).update(
                    body=CombinedExpression(F("body"), "||", bigrams)
                )


class BigramPostgresQueryCompiler(PostgresSearchQueryCompiler):
    def __init__(self, queryset, query, *args, **kwargs):
        super().__init__(queryset, bigram_query(query), *args, **kwargs)


class LanguagePostgresSearchBackend(PostgresSearchBackend):
    index_class = LanguagePostgresIndex
    query_compiler_class = BigramPostgresQueryCompiler

    def __init__(self, params):
        params = dict(params)
        self.language_code = params.pop("LANGUAGE", settings.LANGUAGE_CODE)
        params.setdefault("SEARCH_CONFIG", postgres_config(self.language_code))
        super().__init__(params)


if connection.vendor == "sqlite":
    # The SQLite backend's models exist only on SQLite with FTS5.
    from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteFTSIndexEntry,
        SQLiteIndex,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
        SQLiteSearchResults,
    )
    from modelsearch.query import MatchAll
    from modelsearch.utils import get_descendants_content_types_pks

    class BigramSQLiteIndex(SQLiteIndex):
        """SQLite's FTS5 tokenizer keeps a run of Chinese characters (or a Korean word with its
        particle) as one token, so a reader's shorter query never matches: add the run's bigrams."""

        def add_items(self, model, objs):
            super().add_items(model, objs)
            for entry in index_entries(self, model, objs).only("pk", "title", "body"):
                if has_cjk(entry.title) or has_cjk(entry.body):
                    self.entries.filter(pk=entry.pk).update(
                        title=f"{entry.title} {cjk_bigrams(entry.title)}",
                        body=f"{entry.body} {cjk_bigrams(entry.body)}",
                    )

    class BigramSQLiteQueryCompiler(SQLiteSearchQueryCompiler):
        def __init__(self, queryset, query, *args, **kwargs):
            super().__init__(queryset, bigram_query(query), *args, **kwargs)

        def ranks_by_relevance(self):
            query = normalize(self.query)
            return self.order_by_relevance and not isinstance(query, (MatchAll, Not))

        def ranked_pks(self, config, limit=None):
            """(pk, bm25 score) of the best `limit` matches (all when None) in the index of
            the queryset's model, best first; the queryset's own filters are left to the
            caller. modelsearch scores each row with a correlated subquery that repeats the
            full-text match, and SQLite's planner walks the index table and tests the match
            row by row: seconds once thousands of rows match. Here the full-text table drives
            the join (CROSS JOIN fixes the order in SQLite) and matches once."""
            search_query = self.build_search_query(normalize(self.query), config=config)
            matches = (
                SQLiteFTSIndexEntry.objects.filter(
                    MatchExpression(self.fields or self.FTS_TABLE_FIELDS, search_query),
                    index_entry__content_type__in=get_descendants_content_types_pks(
                        self.queryset.model
                    ),
                )
                .annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
                .order_by("score", Cast("index_entry__object_id", IntegerField()).desc())
                .values_list("index_entry__object_id", "score")
            )[:limit]
            sql, params = matches.query.sql_with_params()
            with connections[matches.db].cursor() as cursor:
                cursor.execute(sql.replace(" INNER JOIN ", " CROSS JOIN ", 1), params)
                rows = cursor.fetchall()
            field = self.queryset.model._meta.pk
            return [(field.to_python(object_id), score) for object_id, score in rows]

    class BigramSQLiteSearchResults(SQLiteSearchResults):
        def _ranks_fast(self):
            # Autocomplete keeps modelsearch's own compiler.
            compiler = self.query_compiler
            return isinstance(compiler, BigramSQLiteQueryCompiler) and compiler.ranks_by_relevance()

        def _ranked(self, limit=None):
            """The best `limit` matches (all when None). Once every match has been read (a
            count, or fewer matches than asked for), later calls slice that list rather than
            match again."""
            every = getattr(self, "_every_match", None)
            if every is not None:
                return every[:limit]
            config = self.query_compiler.get_config(self.backend)
            ranked = self.query_compiler.ranked_pks(config, limit)
            if limit is None or len(ranked) < limit:
                self._every_match = ranked
            return ranked

        def _matches(self, limit):
            """(pk, score) of every match, best first: when `limit` objects are wanted, the
            best few hundred are read first and the rest only if those run out."""
            first = self._ranked(limit and 4 * limit)
            yield from first
            if limit and len(first) == 4 * limit:
                yield from self._ranked()[len(first) :]

        def _in_scope(self, limit):
            """The best `limit` matches (all when None) that the queryset keeps, as (object,
            score). Matches are checked best first in growing batches, so the first page of a
            common word checks a few hundred rows, not the thousands it matches (a program's
            filter columns sit behind its long texts, which SQLite reads to get to them), and
            only the objects kept are loaded."""
            queryset = self.query_compiler.queryset
            matches = self._matches(limit)
            kept, size = [], limit
            while limit is None or len(kept) < limit:
                batch = list(islice(matches, size))
                if not batch:
                    break
                allowed = set(
                    queryset.filter(pk__in=[pk for pk, _score in batch]).values_list(
                        "pk", flat=True
                    )
                )
                kept += [(pk, score) for pk, score in batch if pk in allowed]
                size = size and size * 2
            kept = kept[:limit]
            objects = queryset.in_bulk([pk for pk, _score in kept])
            return [(objects[pk], score) for pk, score in kept if pk in objects]

        def _do_search(self):
            if not self._ranks_fast():
                return super()._do_search()
            results = []
            for obj, score in self._in_scope(self.stop)[self.start :]:
                if self._score_field:
                    setattr(obj, self._score_field, score)
                results.append(obj)
            return results

        def _do_count(self):
            if not self._ranks_fast():
                return super()._do_count()
            pks = [pk for pk, _score in self._ranked()]
            return self.query_compiler.queryset.filter(pk__in=pks).count()

    class BigramSQLiteSearchBackend(SQLiteSearchBackend):
        index_class = BigramSQLiteIndex
        query_compiler_class = BigramSQLiteQueryCompiler
        results_class = BigramSQLiteSearchResults
        # FTS5's bm25() is lower for better matches.
        lower_score_is_better = True


def SearchBackend(params):  # noqa: N802 (the name modelsearch looks for in a backend module)
    """Wagtail's database backend for the database in use, with our language handling."""
    if connection.vendor == "postgresql":
        return LanguagePostgresSearchBackend(params)
    backend = database_backend_for_connection(params)
    if type(backend).__name__ == "SQLiteSearchBackend":
        return BigramSQLiteSearchBackend(params)
    return backend
