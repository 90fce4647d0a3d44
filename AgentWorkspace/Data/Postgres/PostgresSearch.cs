namespace AgentWorkspace.Data.Postgres;

/// <summary>
/// The folding every PostgreSQL search index shares, written to match SQLite FTS5's unicode61 with
/// remove_diacritics 2: lower case, accents removed (unaccent: "Muñoz" is "munoz"), and anything that is not a letter
/// or digit a word break (the default text-search parser would otherwise keep "ana@example.com" as one e-mail token,
/// where FTS5 has "ana", "example" and "com"). Documents are 'simple' tsvectors of folded text (no stemming, no stop
/// words, as FTS5) in GIN indexes; <c>aw_search_query</c> makes what an agent typed a tsquery the same way: each word
/// folded, all required (or any, for article search), the last one a prefix (<c>:*</c>). Words are passed as a text
/// array, never spliced into SQL, so nothing typed is a query operator.
/// </summary>
public static class PostgresSearch
{
    /// <summary>The functions (the unaccent extension itself is in the model: HasPostgresExtension).</summary>
    public const string CreateFunctionsSql = """
        CREATE OR REPLACE FUNCTION aw_fold(value text) RETURNS text
            LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
            AS $$ SELECT regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, value)), '[^[:alnum:]]+', ' ', 'g') $$;

        CREATE OR REPLACE FUNCTION aw_search_query(words text[], any_word boolean) RETURNS tsquery
            LANGUAGE sql IMMUTABLE PARALLEL SAFE
            AS $$
            SELECT COALESCE(to_tsquery('simple', string_agg(
                       '''' || replace(f, ' ', ''' <-> ''') || '''' || CASE WHEN i = cardinality(words) THEN ':*' ELSE '' END,
                       CASE WHEN any_word THEN ' | ' ELSE ' & ' END ORDER BY i)), ''::tsquery)
            FROM (SELECT btrim(aw_fold(w)) AS f, i FROM unnest(words) WITH ORDINALITY AS u(w, i)) AS folded
            WHERE f <> ''
            $$;
        """;

    public const string DropFunctionsSql = """
        DROP FUNCTION IF EXISTS aw_search_query(text[], boolean);
        DROP FUNCTION IF EXISTS aw_fold(text);
        """;
}
