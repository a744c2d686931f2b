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

    /// <summary>The edition's logo: an image file (PNG, JPEG, WebP or SVG) relative to the content folder; shown in every page's header.</summary>
    public string Logo { get; set; } = string.Empty;

    /// <summary>The theme's colours to change, by name (text, muted, accent, paper, rule), as #rgb or #rrggbb.</summary>
    public Dictionary<string, string> Colours { get; set; } = new(StringComparer.Ordinal);

    public string NameIn(string language)
    {
        foreach (var lang in new[] { language, "ar", "en", "fr" })
        {
            if (Name.TryGetValue(lang, out var t) && !string.IsNullOrWhiteSpace(t)) return t.Trim();
        }

        return string.Empty;
    }
}
