using System.Text.RegularExpressions;

namespace EditionBuilder.Markdown.Anchors;

/// <summary>
/// A link from one chapter to a place in another is written to the other chapter's Markdown file,
/// <c>[text](02-slug.md#bm-x)</c>; each output names that chapter as it is there: the site's page
/// (<c>02-slug.html#bm-x</c>), the e-book's document (<c>02-slug.xhtml#bm-x</c>). Every other address is left as it is.
/// </summary>
public static partial class ChapterLinks
{
    [GeneratedRegex(@"^(?<slug>[A-Za-z0-9][A-Za-z0-9_-]*)\.md(?<fragment>#[A-Za-z0-9_-]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ChapterFile();

    /// <summary>The address of a chapter's Markdown file with the extension of the output's documents (".html", ".xhtml").</summary>
    public static string Rewrite(string url, string extension) =>
        ChapterFile().Match(url) is { Success: true } match ? match.Groups["slug"].Value + extension + match.Groups["fragment"].Value : url;

    /// <summary>The chapter slug a link names (<c>02-slug.md#x</c> → <c>02-slug</c>), or null when it names no chapter file.</summary>
    public static string? SlugOf(string url) => ChapterFile().Match(url) is { Success: true } match ? match.Groups["slug"].Value : null;
}
