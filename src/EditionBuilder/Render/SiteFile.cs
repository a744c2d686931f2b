namespace EditionBuilder.Render;

/// <summary>One file of the built site: its path relative to the site root ('/'-separated) and its bytes.</summary>
public sealed record SiteFile(string Path, byte[] Bytes)
{
    public static SiteFile Text(string path, string text) => new(path, System.Text.Encoding.UTF8.GetBytes(text));

    public string AsText() => System.Text.Encoding.UTF8.GetString(Bytes);

    /// <summary>For a page rendered with its Markdown bodies left out (see <see cref="PageFragments"/>): the bodies, in placeholder order; Bytes then hold the page with placeholders.</summary>
    public IReadOnlyList<HtmlFragment>? Fragments { get; init; }

    /// <summary>The whole page: the file itself, or its placeholders filled with their fragments.</summary>
    public SiteFile Composed() =>
        Fragments is null ? this : Text(Path, PageFragments.Compose(AsText(), Fragments.Select(f => f.Html).ToList()));

    /// <summary>The relative way from a site file back to the site root: "" at the root, "../" one folder down, and so on.</summary>
    public static string RootOf(string path) => string.Concat(Enumerable.Repeat("../", path.Count(c => c == '/')));
}
