namespace EditionBuilder.Content;

/// <summary>A text written once, or once per language or script (<c>name: { ar: …, en: … }</c>): an author's name, an affiliation.</summary>
public sealed class LocalizedText
{
    /// <summary>The text written without a language.</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>The text per language (ar, en, fr).</summary>
    public Dictionary<string, string> ByLanguage { get; set; } = new(StringComparer.Ordinal);

    public bool IsEmpty => Text.Length == 0 && ByLanguage.Values.All(v => v.Length == 0);

    /// <summary>The text in a language; else the one written without a language; else Arabic, English, French.</summary>
    public string In(string language)
    {
        if (ByLanguage.TryGetValue(language, out var text) && text.Length > 0) return text;
        if (Text.Length > 0) return Text;
        foreach (var lang in Metadata.Languages)
        {
            if (ByLanguage.TryGetValue(lang, out var other) && other.Length > 0) return other;
        }

        return string.Empty;
    }

    /// <summary>The language <see cref="In"/> gives for <paramref name="language"/>: itself, "" for the text written without a language, or the fallback's.</summary>
    public string LanguageOf(string language)
    {
        if (ByLanguage.TryGetValue(language, out var text) && text.Length > 0) return language;
        if (Text.Length > 0) return string.Empty;
        return Metadata.Languages.FirstOrDefault(l => ByLanguage.TryGetValue(l, out var other) && other.Length > 0) ?? string.Empty;
    }

    public static implicit operator LocalizedText(string text) => new() { Text = text };

    public override string ToString() => In("ar");
}
