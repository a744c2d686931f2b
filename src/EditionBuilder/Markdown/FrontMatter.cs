using System.Globalization;
using System.Text;
using EditionBuilder.Content.Yaml;
using EditionBuilder.Diagnostics;

namespace EditionBuilder.Markdown;

/// <summary>Splits a Markdown file into its YAML front matter and body, and writes front matter back.</summary>
public static class FrontMatter
{
    private const string Fence = "---";

    /// <summary>A file cut in two: the YAML, the body, and the 1-based line where the body starts; <paramref name="Unclosed"/> when the file opens with '---' and no line '---' closes it.</summary>
    public readonly record struct Parts(string? Yaml, string Body, int BodyLine, bool Unclosed = false);

    public static Parts Split(string text)
    {
        if (text.StartsWith('\uFEFF')) text = text[1..];
        text = text.Replace("\r\n", "\n");
        if (!text.StartsWith(Fence + "\n", StringComparison.Ordinal)) return new Parts(null, text, 1);

        var end = text.IndexOf("\n" + Fence + "\n", Fence.Length, StringComparison.Ordinal);
        var closeLength = Fence.Length + 2;
        if (end < 0 && text.EndsWith("\n" + Fence, StringComparison.Ordinal))
        {
            end = text.Length - Fence.Length - 1;
            closeLength = Fence.Length + 1;
        }

        if (end < 0) return new Parts(null, text, 1, Unclosed: true);
        var yaml = text[(Fence.Length + 1)..(end + 1)];
        var body = text[Math.Min(text.Length, end + closeLength)..];
        var bodyLine = yaml.Count(c => c == '\n') + 3;
        return new Parts(yaml, body, bodyLine);
    }

    /// <summary>The 1-based line of a front-matter key in a chapter file, for diagnostics; the front matter's first line when the key is absent.</summary>
    public static int LineOf(string text, string key)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 1; i < lines.Length && lines[i] != Fence; i++)
        {
            if (lines[i].StartsWith(key + ":", StringComparison.Ordinal)) return i + 1;
        }

        return 2;
    }

    /// <summary>The front matter as import writes it, without reflection: the title always double-quoted (so no character is folded or dropped), the other fields plain.</summary>
    public static string Write(ChapterFrontMatter frontMatter) =>
        Fence + "\n"
        + "title: " + DoubleQuoted(frontMatter.Title) + "\n"
        + "lang: " + frontMatter.Lang + "\n"
        + "dir: " + frontMatter.Dir + "\n"
        + "order: " + frontMatter.Order.ToString(CultureInfo.InvariantCulture) + "\n"
        + "slug: " + frontMatter.Slug + "\n"
        + Fence + "\n";

    /// <summary>A YAML double-quoted scalar with YAML's escapes for what is not printable (the same text YamlDotNet's emitter writes, so chapters import byte for byte as before).</summary>
    public static string DoubleQuoted(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            var escape = c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\0' => "\\0",
                '\a' => "\\a",
                '\b' => "\\b",
                '\u001B' => "\\e",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\v' => "\\v",
                '\u0085' => "\\N",
                '\u2028' => "\\L",
                '\u2029' => "\\P",
                '\uFFFE' or '\uFFFF' => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ when c != '\t' && (c < ' ' || c is >= '\u007F' and <= '\u009F') => "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture),
                _ => null,
            };
            if (escape is null) builder.Append(c);
            else builder.Append(escape);
        }

        return builder.Append('"').ToString();
    }

    private static readonly YamlSchema<ChapterFrontMatter> Schema = new YamlSchema<ChapterFrontMatter>("a chapter's front matter")
        .Field("title", (b, key, node, f) => f.Title = b.Text(key, node, "the chapter's title") ?? string.Empty)
        .Field("lang", (b, key, node, f) => f.Lang = Choice(b, key, node, ["ar", "en", "fr"]))
        .Field("dir", (b, key, node, f) => f.Dir = Choice(b, key, node, ["rtl", "ltr"]))
        .Field("order", (b, key, node, f) => f.Order = b.Integer(key, node, "a whole number (1 for the first chapter)") ?? 0)
        .Field("slug", (b, key, node, f) =>
        {
            f.Slug = b.Text(key, node, "a slug such as 01-almqdma") ?? string.Empty;
            if (f.Slug.Length > 0 && !f.Slug.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-'))
            {
                b.Error(DiagnosticCodes.FrontMatterInvalid, node, $"front matter 'slug' is '{f.Slug}'; a slug holds only a-z, 0-9 and '-'");
            }
        });

    /// <summary>Reads and checks a chapter's front matter with the reader of article.yml (positions, duplicate keys, hints); null (with errors) when it is missing or wrong.</summary>
    public static ChapterFrontMatter? Read(string path, string? yaml, DiagnosticBag diagnostics, bool unclosed = false)
    {
        if (yaml is null)
        {
            diagnostics.Error(DiagnosticCodes.FrontMatterInvalid, path, 1, 1, unclosed
                ? "the front matter opened by the '---' on this line is never closed: add a line '---' after its last field (slug: …)"
                : "the file has no YAML front matter (a first line '---')");
            return null;
        }

        // The YAML starts on the line after the opening '---'.
        if (!YamlTreeReader.TryRead(path, yaml, diagnostics, lineOffset: 1, out var root)) return null;
        var binder = new YamlBinder(path, diagnostics);
        var result = new ChapterFrontMatter();
        Schema.Read(binder, root, result);
        if (binder.Failed) return null;

        var ok = true;
        foreach (var (name, value) in new[] { ("title", result.Title), ("lang", result.Lang), ("dir", result.Dir), ("slug", result.Slug) })
        {
            if (!string.IsNullOrWhiteSpace(value) || (name == "title" && result.Order == 1)) continue;
            diagnostics.Error(DiagnosticCodes.FrontMatterMissingField, path, 2, 1, $"front matter has no '{name}' ({MissingFieldHint(name, path)})");
            ok = false;
        }

        return ok ? result : null;
    }

    // What the field holds, in the words of the README's examples, so the fix needs no lookup.
    private static string MissingFieldHint(string name, string path)
    {
        var isAbstract = Path.GetFileName(path) == "abstract.md";
        return name switch
        {
            "title" => isAbstract ? "an abstract's title is the article's title in its language" : "the chapter's heading",
            "lang" => isAbstract ? "the abstract's language: ar, en or fr" : "lang: ar",
            "dir" => isAbstract ? "rtl for ar, ltr for en and fr" : "dir: rtl",
            _ => isAbstract ? "an abstract's is 'slug: abstract'" : $"a chapter's is its file name without .md: 'slug: {Path.GetFileNameWithoutExtension(path)}'",
        };
    }

    private static string Choice(YamlBinder binder, string key, YamlNode node, string[] allowed)
    {
        var text = binder.Text(key, node, $"one of {string.Join(", ", allowed)}") ?? string.Empty;
        if (text.Length == 0 || allowed.Contains(text)) return text;
        binder.Error(DiagnosticCodes.FrontMatterInvalid, node, $"front matter '{key}' is '{text}'; it must be {string.Join(" or ", allowed)}");
        return string.Empty;
    }
}
