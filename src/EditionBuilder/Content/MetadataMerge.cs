using System.Text;
using EditionBuilder.Content.Yaml;
using EditionBuilder.Diagnostics;

namespace EditionBuilder.Content;

/// <summary>Fills the empty fields of article.yml from what an import found (titles, subtitle, authors, keywords), never touching a field the publisher set: in memory for a build, and in the file's own text for an import, so its comments and layout stay as they were.</summary>
public static class MetadataMerge
{
    /// <summary>Fills <paramref name="target"/>'s empty fields from <paramref name="found"/>; returns the names of the fields filled ("title.ar", "authors").</summary>
    public static IReadOnlyList<string> Fill(ArticleMetadata target, ArticleMetadata found)
    {
        var filled = new List<string>();
        FillPerLanguage("title", target.Title, found.Title, filled);
        FillPerLanguage("subtitle", target.Subtitle, found.Subtitle, filled);
        if (!target.NamedAuthors.Any() && found.NamedAuthors.Any())
        {
            target.Authors = found.NamedAuthors.ToList();
            filled.Add("authors");
        }

        foreach (var language in Metadata.Languages)
        {
            if (target.KeywordsIn(language).Count > 0 || found.KeywordsIn(language).Count == 0) continue;
            target.Keywords[language] = found.KeywordsIn(language).ToList();
            filled.Add($"keywords.{language}");
        }

        return filled;
    }

    /// <summary>The text of article.yml with the empty fields filled from <paramref name="found"/>, keeping everything else byte for byte; null (nothing changed) when no field needs filling. Throws nothing: a text it cannot edit safely is returned as it was, with <paramref name="notFilled"/> naming what stays empty.</summary>
    public static string MergeText(string path, string existing, ArticleMetadata found, out IReadOnlyList<string> filled, out IReadOnlyList<string> notFilled)
    {
        filled = [];
        notFilled = [];
        var diagnostics = new DiagnosticBag();
        var current = MetadataYaml.ReadArticle(path, existing, diagnostics);
        if (current is null || !YamlTreeReader.TryRead(path, existing, diagnostics, 0, out var root)) return existing;
        var fields = Fill(current, found);
        if (fields.Count == 0) return existing;

        var edits = new List<(int At, int Length, string Text)>();
        var mapping = root?.Resolved as YamlMapping;
        var appended = new StringBuilder();
        foreach (var group in fields.GroupBy(f => f.Split('.')[0]))
        {
            var key = group.Key;
            var entry = mapping?.Entries.FirstOrDefault(e => e.Key.Value == key);
            if (entry?.Key is null || entry.Value.Value is YamlAlias)
            {
                if (entry?.Key is not null) continue; // an alias is the publisher's; leave it
                appended.Append(key).Append(": ").Append(FlowValue(key, current, group.Select(f => f.Contains('.') ? f.Split('.')[1] : null))).Append('\n');
                continue;
            }

            var value = entry.Value.Value;
            if (key == "authors" || value.IsAbsent)
            {
                edits.Add(Replace(existing, value, FlowValue(key, current, group.Select(f => f.Contains('.') ? f.Split('.')[1] : null))));
                continue;
            }

            if (value is not YamlMapping languages) continue;
            var added = new StringBuilder();
            foreach (var language in group.Select(f => f.Split('.')[1]))
            {
                var text = LanguageValue(key, current, language);
                var existingLanguage = languages.Entries.FirstOrDefault(e => e.Key.Value == language);
                if (existingLanguage.Key is not null)
                {
                    if (existingLanguage.Value is not YamlAlias) edits.Add(Replace(existing, existingLanguage.Value, text));
                }
                else if (languages.IsFlow)
                {
                    added.Append($", {language}: {text}");
                }
                else
                {
                    added.Append(new string(' ', languages.Entries[0].Key.Start.Column - 1)).Append($"{language}: {text}\n");
                }
            }

            if (added.Length == 0) continue;
            if (languages.IsFlow)
            {
                // After the last entry, before the closing brace.
                edits.Add((languages.Entries[^1].Value.End.Index, 0, added.ToString()));
            }
            else
            {
                // On the line after the map's last entry, at its keys' indentation.
                var end = languages.Entries[^1].Value.End.Index;
                var lineEnd = existing.IndexOf('\n', Math.Max(0, end - 1) is var from && from < existing.Length && existing[from] == '\n' ? from : end);
                edits.Add(lineEnd < 0 ? (existing.Length, 0, "\n" + added) : (lineEnd + 1, 0, added.ToString()));
            }
        }

        var merged = new StringBuilder(existing);
        foreach (var (at, length, text) in edits.OrderByDescending(e => e.At))
        {
            merged.Remove(at, length).Insert(at, text);
        }

        if (appended.Length > 0)
        {
            if (merged.Length > 0 && merged[^1] != '\n') merged.Append('\n');
            merged.Append(appended);
        }

        // The edit must read back as the publisher's file with exactly those fields filled; otherwise the file is left alone.
        var check = MetadataYaml.ReadArticle(path, merged.ToString(), new DiagnosticBag());
        var expected = MetadataYaml.ReadArticle(path, existing, new DiagnosticBag())!;
        Fill(expected, found);
        if (check is null || MetadataYaml.Write(check, string.Empty) != MetadataYaml.Write(expected, string.Empty))
        {
            notFilled = fields;
            return existing;
        }

        filled = fields;
        return merged.ToString();
    }

    private static void FillPerLanguage(string key, Dictionary<string, string> target, Dictionary<string, string> found, List<string> filled)
    {
        foreach (var language in Metadata.Languages)
        {
            if (!found.TryGetValue(language, out var text) || text.Trim().Length == 0) continue;
            if (target.TryGetValue(language, out var set) && set.Trim().Length > 0) continue;
            target[language] = text.Trim();
            filled.Add($"{key}.{language}");
        }
    }

    private static (int At, int Length, string Text) Replace(string text, YamlNode value, string replacement)
    {
        // An empty value ("key:") has no characters: the new one goes after the colon, with a space.
        if (value.End.Index <= value.Start.Index) return (value.Start.Index, 0, (value.Start.Index > 0 && text[value.Start.Index - 1] == ' ' ? string.Empty : " ") + replacement);
        return (value.Start.Index, value.End.Index - value.Start.Index, replacement);
    }

    private static string FlowValue(string key, ArticleMetadata metadata, IEnumerable<string?> languages) => key switch
    {
        "authors" => "[" + string.Join(", ", metadata.NamedAuthors.Select(FlowAuthor)) + "]",
        _ => "{ " + string.Join(", ", languages.OfType<string>().Select(l => $"{l}: {LanguageValue(key, metadata, l)}")) + " }",
    };

    private static string LanguageValue(string key, ArticleMetadata metadata, string language) => key switch
    {
        "title" => MetadataYaml.Quote(metadata.Title.GetValueOrDefault(language, string.Empty)),
        "subtitle" => MetadataYaml.Quote(metadata.Subtitle.GetValueOrDefault(language, string.Empty)),
        "keywords" => "[" + string.Join(", ", metadata.KeywordsIn(language).Select(MetadataYaml.Quote)) + "]",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "not a per-language field"),
    };

    private static string FlowAuthor(Author author)
    {
        var parts = new List<string> { "name: " + MetadataYaml.Flow(author.Name) };
        if (!author.Surname.IsEmpty) parts.Add("surname: " + MetadataYaml.Flow(author.Surname));
        if (!author.GivenNames.IsEmpty) parts.Add("given_names: " + MetadataYaml.Flow(author.GivenNames));
        var affiliations = author.Affiliations.Where(a => !a.IsEmpty).ToList();
        if (affiliations.Count == 1) parts.Add("affiliation: " + MetadataYaml.Flow(affiliations[0]));
        else if (affiliations.Count > 1) parts.Add("affiliation: [" + string.Join(", ", affiliations.Select(MetadataYaml.Flow)) + "]");
        if (author.Orcid.Length > 0) parts.Add("orcid: " + MetadataYaml.Quote(author.Orcid));
        if (author.Email.Length > 0) parts.Add("email: " + MetadataYaml.Quote(author.Email));
        return "{ " + string.Join(", ", parts) + " }";
    }
}
