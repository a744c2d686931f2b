namespace EditionBuilder.Render;

/// <summary>One file of the built site: its path relative to the site root ('/'-separated) and its bytes.</summary>
public sealed record SiteFile(string Path, byte[] Bytes)
{
    public static SiteFile Text(string path, string text) => new(path, System.Text.Encoding.UTF8.GetBytes(text));

    public string AsText() => System.Text.Encoding.UTF8.GetString(Bytes);

    /// <summary>The relative way from a site file back to the site root: "" at the root, "../" one folder down, and so on.</summary>
    public static string RootOf(string path) => string.Concat(Enumerable.Repeat("../", path.Count(c => c == '/')));
}
