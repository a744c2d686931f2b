using EditionBuilder.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace EditionBuilder.Markdown;

/// <summary>Splits a Markdown file into its YAML front matter and body, and writes front matter back.</summary>
public static class FrontMatter
{
    private const string Fence = "---";

    // Built on first use: a build that only reads YAML never pays for it.
    private static readonly Lazy<ISerializer> Serializer = new(() => new SerializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithQuotingNecessaryStrings()
        .Build());

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    /// <summary>A file cut in two: the YAML, the body, and the 1-based line where the body starts.</summary>
    public readonly record struct Parts(string? Yaml, string Body, int BodyLine);

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

        if (end < 0) return new Parts(null, text, 1);
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

    public static string Write(ChapterFrontMatter frontMatter) =>
        Fence + "\n" + Serializer.Value.Serialize(frontMatter) + Fence + "\n";

    /// <summary>Reads and checks a chapter's front matter; null (with errors) when it is missing or wrong.</summary>
    public static ChapterFrontMatter? Read(string path, string? yaml, DiagnosticBag diagnostics)
    {
        if (yaml is null)
        {
            diagnostics.Error(DiagnosticCodes.FrontMatterInvalid, path, 1, 1, "the file has no YAML front matter (a first line '---')");
            return null;
        }

        ChapterFrontMatter? result;
        try
        {
            result = Deserializer.Deserialize<ChapterFrontMatter>(yaml) ?? new ChapterFrontMatter();
        }
        catch (YamlException e)
        {
            var inner = e.InnerException?.Message ?? e.Message;
            diagnostics.Error(DiagnosticCodes.FrontMatterInvalid, path, (int)e.Start.Line + 1, (int)e.Start.Column,
                $"front matter: {inner.Replace('\n', ' ')}");
            return null;
        }

        var ok = true;
        foreach (var (name, value) in new[] { ("title", result.Title), ("lang", result.Lang), ("dir", result.Dir), ("slug", result.Slug) })
        {
            if (!string.IsNullOrWhiteSpace(value) || (name == "title" && result.Order == 1)) continue;
            diagnostics.Error(DiagnosticCodes.FrontMatterMissingField, path, 2, 1, $"front matter has no '{name}'");
            ok = false;
        }

        if (result.Dir is not ("rtl" or "ltr" or ""))
        {
            diagnostics.Error(DiagnosticCodes.FrontMatterInvalid, path, 2, 1, $"front matter 'dir' is '{result.Dir}'; it must be rtl or ltr");
            ok = false;
        }

        if (!string.IsNullOrEmpty(result.Slug) && !result.Slug.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-'))
        {
            diagnostics.Error(DiagnosticCodes.FrontMatterInvalid, path, 2, 1,
                $"front matter 'slug' is '{result.Slug}'; a slug holds only a-z, 0-9 and '-'");
            ok = false;
        }

        return ok ? result : null;
    }
}
