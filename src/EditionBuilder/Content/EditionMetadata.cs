namespace EditionBuilder.Content;

/// <summary>What edition.yml says of the whole site: its name per language, publisher, base URL and licence.</summary>
public sealed class EditionMetadata
{
    public Dictionary<string, string> Name { get; set; } = new(StringComparer.Ordinal);

    public string Publisher { get; set; } = string.Empty;

    public string BaseUrl { get; set; } = string.Empty;

    public string Licence { get; set; } = string.Empty;

    /// <summary>The edition's version, named in its package (default "1").</summary>
    public string Version { get; set; } = string.Empty;

    public string NameIn(string language)
    {
        foreach (var lang in new[] { language, "ar", "en", "fr" })
        {
            if (Name.TryGetValue(lang, out var t) && !string.IsNullOrWhiteSpace(t)) return t.Trim();
        }

        return string.Empty;
    }
}
