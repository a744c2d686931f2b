using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using EditionBuilder.Content;

namespace EditionBuilder.Render;

/// <summary>Cite-this files made from article.yml alone: BibTeX, RIS and CSL-JSON. Empty fields are left out; nothing is invented.</summary>
public static class CitationFiles
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        // Arabic stays readable; <, >, & and quotes are still escaped, so the JSON is safe inside HTML too.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string BibTeX(string key, ArticleMetadata metadata, string? url)
    {
        var fields = new List<(string, string)>();
        if (metadata.Authors.Count > 0) fields.Add(("author", Brace(string.Join(" and ", metadata.Authors.Select(a => a.Trim())))));
        fields.Add(("title", Brace(metadata.TitleIn("ar"))));
        if (metadata.Journal.Length > 0) fields.Add(("journal", Brace(metadata.Journal)));
        if (metadata.Volume.Length > 0) fields.Add(("volume", Brace(metadata.Volume)));
        if (metadata.Issue.Length > 0) fields.Add(("number", Brace(metadata.Issue)));
        if (Year(metadata.Date) is { } year) fields.Add(("year", Brace(year)));
        fields.Add(("language", "{arabic}"));
        if (url is not null) fields.Add(("url", Brace(url)));
        var body = string.Join(",\n", fields.Select(f => $"  {f.Item1} = {f.Item2}"));
        return $"@article{{{key},\n{body}\n}}\n";
    }

    public static string Ris(ArticleMetadata metadata, string? url)
    {
        var lines = new List<string> { "TY  - JOUR" };
        lines.AddRange(metadata.Authors.Where(a => a.Trim().Length > 0).Select(a => $"AU  - {OneLine(a)}"));
        lines.Add($"TI  - {OneLine(metadata.TitleIn("ar"))}");
        foreach (var lang in new[] { "en", "fr" })
        {
            if (metadata.Title.TryGetValue(lang, out var t) && t.Trim().Length > 0) lines.Add($"TT  - {OneLine(t)}");
        }

        if (metadata.Journal.Length > 0) lines.Add($"JO  - {OneLine(metadata.Journal)}");
        if (metadata.Volume.Length > 0) lines.Add($"VL  - {OneLine(metadata.Volume)}");
        if (metadata.Issue.Length > 0) lines.Add($"IS  - {OneLine(metadata.Issue)}");
        if (Year(metadata.Date) is { } year) lines.Add($"PY  - {year}");
        if (metadata.Date.Length > 0) lines.Add($"DA  - {OneLine(metadata.Date)}");
        lines.Add("LA  - ar");
        if (url is not null) lines.Add($"UR  - {url}");
        lines.Add("ER  - ");
        return string.Join("\r\n", lines) + "\r\n";
    }

    private static readonly ScholarlyJson IndentedJson = new(new JsonSerializerOptions(Json));

    public static string CslJson(string id, ArticleMetadata metadata, string? url)
    {
        var item = new Dictionary<string, object> { ["id"] = id, ["type"] = "article-journal", ["title"] = metadata.TitleIn("ar"), ["language"] = "ar" };
        if (metadata.Authors.Count > 0) item["author"] = metadata.Authors.Where(a => a.Trim().Length > 0).Select(a => new Dictionary<string, string> { ["literal"] = a.Trim() }).ToList();
        if (metadata.Journal.Length > 0) item["container-title"] = metadata.Journal;
        if (metadata.Volume.Length > 0) item["volume"] = metadata.Volume;
        if (metadata.Issue.Length > 0) item["issue"] = metadata.Issue;
        if (DateParts(metadata.Date) is { } parts) item["issued"] = new Dictionary<string, object> { ["date-parts"] = new[] { parts } };
        if (url is not null) item["URL"] = url;
        return JsonSerializer.Serialize(new[] { item }, IndentedJson.DictionaryStringObjectArray) + "\n";
    }

    public static string? Year(string date) => DateParts(date) is { } parts ? parts[0].ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>[year], [year, month] or [year, month, day] from an ISO-like date ("2016", "2016-10", "2016-10-09").</summary>
    public static int[]? DateParts(string date)
    {
        var pieces = date.Trim().Split('-');
        var numbers = new List<int>();
        foreach (var piece in pieces.Take(3))
        {
            if (!int.TryParse(piece, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)) break;
            numbers.Add(n);
        }

        return numbers.Count > 0 && numbers[0] is >= 1000 and <= 9999 ? numbers.ToArray() : null;
    }

    private static string Brace(string text)
    {
        var builder = new StringBuilder("{");
        foreach (var c in OneLine(text))
        {
            if (c is '{' or '}' or '\\' or '%' or '&' or '$' or '#' or '_') builder.Append('\\');
            builder.Append(c);
        }

        return builder.Append('}').ToString();
    }

    private static string OneLine(string text) => text.Replace('\r', ' ').Replace('\n', ' ').Trim();
}

/// <summary>The JSON of citations and JSON-LD, generated at compile time: every shape the two write, so nothing is reflected on or compiled when a build starts.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, object>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, object>[]))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(List<Dictionary<string, string>>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(int[][]))]
[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class ScholarlyJson : System.Text.Json.Serialization.JsonSerializerContext;
