using System.Globalization;
using System.Text;

namespace EditionBuilder.Site;

/// <summary>A page rendered with its Markdown bodies left out: each stands as an empty placeholder element, so the page's own markup can be minified without them and the bodies once each.</summary>
public static class PageFragments
{
    private const string Opening = "<div data-edition-fragment=\"";
    private const string Closing = "\"></div>";

    /// <summary>The placeholder for fragment number <paramref name="index"/> of a page.</summary>
    public static string Placeholder(int index) => Opening + index.ToString(CultureInfo.InvariantCulture) + Closing;

    /// <summary>The page with each placeholder replaced by its fragment's HTML.</summary>
    public static string Compose(string shell, IReadOnlyList<string> fragments)
    {
        var builder = new StringBuilder(shell.Length + fragments.Sum(f => f.Length));
        var at = 0;
        while (true)
        {
            var start = shell.IndexOf(Opening, at, StringComparison.Ordinal);
            var numberStart = start + Opening.Length;
            var end = start < 0 ? -1 : shell.IndexOf(Closing, numberStart, StringComparison.Ordinal);
            if (end < 0 || !int.TryParse(shell.AsSpan(numberStart, end - numberStart), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= fragments.Count)
            {
                return builder.Append(shell, at, shell.Length - at).ToString();
            }

            builder.Append(shell, at, start - at).Append(fragments[index]);
            at = end + Closing.Length;
        }
    }
}
