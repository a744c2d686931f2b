namespace EditionBuilder.Content;

/// <summary>What article.yml and edition.yml share: the languages an edition is written in.</summary>
public static class Metadata
{
    /// <summary>The languages of an edition: the Arabic text and the English and French abstracts, in fallback order.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["ar", "en", "fr"];
}
