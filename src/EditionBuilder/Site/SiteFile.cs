using System.Text;

namespace EditionBuilder.Site;

/// <summary>One file of the built site: its path relative to the site root ('/'-separated) and its bytes.</summary>
/// <remarks>A file made from text keeps the text and encodes it only when its bytes are asked for, so a page going through minify and verify is neither encoded nor decoded on the way.</remarks>
public sealed record SiteFile
{
    private byte[]? _bytes;
    private string? _text;

    public SiteFile(string path, byte[] bytes)
    {
        Path = path;
        _bytes = bytes;
    }

    private SiteFile(string path, string text)
    {
        Path = path;
        _text = text;
    }

    public string Path { get; init; }

    /// <summary>The file's bytes (UTF-8 for text).</summary>
    public byte[] Bytes => _bytes ??= Encoding.UTF8.GetBytes(_text!);

    public static SiteFile Text(string path, string text) => new(path, text);

    public string AsText() => _text ??= Encoding.UTF8.GetString(_bytes!);

    public void Deconstruct(out string path, out byte[] bytes) => (path, bytes) = (Path, Bytes);

    /// <summary>For a page rendered with its Markdown bodies left out (see <see cref="PageFragments"/>): the bodies, in placeholder order; Bytes then hold the page with placeholders.</summary>
    public IReadOnlyList<HtmlFragment>? Fragments { get; init; }

    /// <summary>The whole page: the file itself, or its placeholders filled with their fragments.</summary>
    public SiteFile Composed() =>
        Fragments is null ? this : Text(Path, PageFragments.Compose(AsText(), Fragments.Select(f => f.Html).ToList()));

    /// <summary>The relative way from a site file back to the site root: "" at the root, "../" one folder down, and so on.</summary>
    public static string RootOf(string path) => string.Concat(Enumerable.Repeat("../", path.Count(c => c == '/')));
}
