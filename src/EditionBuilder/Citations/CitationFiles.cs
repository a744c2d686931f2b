using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using EditionBuilder.Content;

namespace EditionBuilder.Citations;

/// <summary>Cite-this files made from article.yml alone: BibTeX, RIS and CSL-JSON. Empty fields are left out; nothing is invented.</summary>
public static class CitationFiles
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        // Arabic stays readable; <, >, & and quotes are still escaped, so the JSON is safe inside HTML too.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string BibTeX(string key, ArticleMetadata metadata, string? url, EditionMetadata? edition = null)
    {
        var fields = new List<(string, string)>();
        var authors = metadata.NamedAuthors.ToList();
        if (authors.Count > 0) fields.Add(("author", Brace(string.Join(" and ", authors.Select(a => a.NameIn("ar").Trim())))));
        var affiliations = authors.SelectMany(a => a.Affiliations).Select(a => a.In("ar").Trim()).Where(a => a.Length > 0).Distinct().ToList();
        if (affiliations.Count > 0) fields.Add(("affiliation", Brace(string.Join("; ", affiliations))));
        fields.Add(("title", Brace(metadata.TitleIn("ar"))));
        var journal = Citation.JournalTitle(metadata, edition);
        if (journal.Length > 0) fields.Add(("journal", Brace(journal)));
        if (metadata.Volume.Length > 0) fields.Add(("volume", Brace(metadata.Volume)));
        if (metadata.Issue.Length > 0) fields.Add(("number", Brace(metadata.Issue)));
        if (metadata.FirstPage.Length > 0) fields.Add(("pages", Brace(metadata.LastPage.Length > 0 && metadata.LastPage != metadata.FirstPage ? $"{metadata.FirstPage}--{metadata.LastPage}" : metadata.FirstPage)));
        if (Year(metadata.Date) is { } year) fields.Add(("year", Brace(year)));
        if (metadata.Doi.Length > 0) fields.Add(("doi", Brace(metadata.Doi)));
        if (edition?.Issns.FirstOrDefault() is { } issn) fields.Add(("issn", Brace(issn)));
        var keywords = AllKeywords(metadata);
        if (keywords.Count > 0) fields.Add(("keywords", Brace(string.Join(", ", keywords))));
        fields.Add(("language", "{arabic}"));
        if (url is not null) fields.Add(("url", Brace(url)));
        var body = string.Join(",\n", fields.Select(f => $"  {f.Item1} = {f.Item2}"));
        return $"@article{{{key},\n{body}\n}}\n";
    }

    public static string Ris(ArticleMetadata metadata, string? url, EditionMetadata? edition = null)
    {
        var lines = new List<string> { "TY  - JOUR" };
        foreach (var author in metadata.NamedAuthors)
        {
            lines.Add($"AU  - {OneLine(author.NameIn("ar"))}");
            lines.AddRange(author.Affiliations.Select(a => OneLine(a.In("ar"))).Where(a => a.Length > 0).Select(a => $"AD  - {a}"));
        }

        lines.Add($"TI  - {OneLine(metadata.TitleIn("ar"))}");
        foreach (var lang in new[] { "en", "fr" })
        {
            if (metadata.Title.TryGetValue(lang, out var t) && t.Trim().Length > 0) lines.Add($"TT  - {OneLine(t)}");
        }

        var journal = Citation.JournalTitle(metadata, edition);
        if (journal.Length > 0) lines.Add($"JO  - {OneLine(journal)}");
        if (metadata.Volume.Length > 0) lines.Add($"VL  - {OneLine(metadata.Volume)}");
        if (metadata.Issue.Length > 0) lines.Add($"IS  - {OneLine(metadata.Issue)}");
        if (metadata.FirstPage.Length > 0) lines.Add($"SP  - {OneLine(metadata.FirstPage)}");
        if (metadata.LastPage.Length > 0) lines.Add($"EP  - {OneLine(metadata.LastPage)}");
        if (Year(metadata.Date) is { } year) lines.Add($"PY  - {year}");
        if (PublicationDate.Parse(metadata.Date) is { } date) lines.Add($"DA  - {string.Join('/', date.Parts.Select(p => p.ToString(p > 31 ? "D4" : "D2", System.Globalization.CultureInfo.InvariantCulture)))}");
        if (metadata.Doi.Length > 0) lines.Add($"DO  - {OneLine(metadata.Doi)}");
        foreach (var issn in edition?.Issns ?? []) lines.Add($"SN  - {issn}");
        lines.AddRange(AllKeywords(metadata).Select(k => $"KW  - {OneLine(k)}"));
        lines.Add("LA  - ar");
        if (url is not null) lines.Add($"UR  - {OneLine(url)}");
        lines.Add("ER  - ");
        return string.Join("\r\n", lines) + "\r\n";
    }

    private static readonly ScholarlyJson IndentedJson = new(new JsonSerializerOptions(Json));

    public static string CslJson(string id, ArticleMetadata metadata, string? url, EditionMetadata? edition = null)
    {
        var item = new Dictionary<string, object> { ["id"] = id, ["type"] = "article-journal", ["title"] = metadata.TitleIn("ar"), ["language"] = "ar" };
        var authors = metadata.NamedAuthors.Select(a => a.NameIn("ar").Trim()).Where(n => n.Length > 0).ToList();
        if (authors.Count > 0) item["author"] = authors.Select(a => new Dictionary<string, string> { ["literal"] = a }).ToList();
        var journal = Citation.JournalTitle(metadata, edition);
        if (journal.Length > 0) item["container-title"] = journal;
        if (metadata.Volume.Length > 0) item["volume"] = metadata.Volume;
        if (metadata.Issue.Length > 0) item["issue"] = metadata.Issue;
        if (metadata.FirstPage.Length > 0) item["page"] = metadata.LastPage.Length > 0 && metadata.LastPage != metadata.FirstPage ? $"{metadata.FirstPage}-{metadata.LastPage}" : metadata.FirstPage;
        if (DateParts(metadata.Date) is { } parts) item["issued"] = new Dictionary<string, object> { ["date-parts"] = new[] { parts } };
        if (metadata.Doi.Length > 0) item["DOI"] = metadata.Doi;
        if (edition?.Issns.FirstOrDefault() is { } issn) item["ISSN"] = issn;
        var keywords = AllKeywords(metadata);
        if (keywords.Count > 0) item["keyword"] = string.Join(", ", keywords);
        if (url is not null) item["URL"] = url;
        return JsonSerializer.Serialize(new[] { item }, IndentedJson.DictionaryStringObjectArray) + "\n";
    }

    // Every keyword, Arabic first: reference managers keep one list.
    private static List<string> AllKeywords(ArticleMetadata metadata) => Metadata.Languages.SelectMany(metadata.KeywordsIn).Distinct(StringComparer.Ordinal).ToList();

    public static string? Year(string date) => PublicationDate.Parse(date)?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>[year], [year, month] or [year, month, day] of a valid ISO date ("2016", "2016-10", "2016-10-09"); null otherwise.</summary>
    public static int[]? DateParts(string date) => PublicationDate.Parse(date)?.Parts;

    // BibTeX ends a braced field where its braces balance, counting every brace (a backslash does not escape one), so a brace
    // without its partner would end the field early and let the rest of the text write fields of its own: a pair is kept as
    // \{…\}, a brace alone is written as {\textbraceleft} or {\textbraceright}, which balance by themselves.
    private static string Brace(string text)
    {
        var line = OneLine(text);
        var paired = PairedBraces(line);
        var builder = new StringBuilder("{");
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c is '{' or '}' && !paired[i]) builder.Append(c == '{' ? @"{\textbraceleft}" : @"{\textbraceright}");
            else
            {
                if (c is '{' or '}' or '\\' or '%' or '&' or '$' or '#' or '_') builder.Append('\\');
                builder.Append(c);
            }
        }

        return builder.Append('}').ToString();
    }

    // Which braces of the text have a partner: each closing brace pairs with the nearest opening one still open.
    private static bool[] PairedBraces(string text)
    {
        var paired = new bool[text.Length];
        var open = new Stack<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '{') open.Push(i);
            else if (text[i] == '}' && open.Count > 0) paired[open.Pop()] = paired[i] = true;
        }

        return paired;
    }

    // One line per value: line and paragraph separators and every C0/C1 control (tabs, form feeds, NEL, the information
    // separators U+001C–U+001F that line-splitting readers take as breaks) become a space.
    private static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text) builder.Append(char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c);
        return builder.ToString().Trim();
    }
}

/// <summary>The JSON of citations and JSON-LD, generated at compile time: every shape the two write, so nothing is reflected on or compiled when a build starts.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, object>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, object>[]))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(List<Dictionary<string, string>>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(int[][]))]
[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
[System.Text.Json.Serialization.JsonSerializable(typeof(List<string>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(List<Dictionary<string, object>>))]
internal sealed partial class ScholarlyJson : System.Text.Json.Serialization.JsonSerializerContext;
