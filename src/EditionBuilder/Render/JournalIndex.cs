using System.Globalization;

namespace EditionBuilder.Render;

/// <summary>Groups a journal's articles for its index: by volume and issue, newest first (by number when they are numbers), each issue's articles by first page; articles that name no volume come last.</summary>
public static class JournalIndex
{
    public static IReadOnlyList<VolumeView> Group(IReadOnlyList<ArticleSummary> articles, ThemeStrings strings, string language = "ar") =>
        articles
            .GroupBy(a => a.Volume, StringComparer.Ordinal)
            .OrderBy(g => g.Key.Length == 0)
            .ThenByDescending(g => g.Key, NumberFirst.Instance)
            .Select(volume => new VolumeView(volume.Key, volume
                .GroupBy(a => a.Issue, StringComparer.Ordinal)
                .OrderBy(g => g.Key.Length == 0)
                .ThenByDescending(g => g.Key, NumberFirst.Instance)
                .Select(issue => new IssueView(volume.Key, issue.Key, DateDisplay.View(issue.Max(a => a.Date) ?? string.Empty, language, strings), issue
                    .OrderBy(a => a.FirstPage.Length == 0)
                    .ThenBy(a => a.FirstPage, NumberFirst.Instance)
                    .ThenBy(a => a.Date, StringComparer.Ordinal)
                    .ThenBy(a => a.Slug, StringComparer.Ordinal)
                    .ToList()))
                .ToList()))
            .ToList();

    // "2" before "10"; numbers before names; names in ordinal order.
    private sealed class NumberFirst : IComparer<string>
    {
        public static readonly NumberFirst Instance = new();

        public int Compare(string? x, string? y)
        {
            var xNumber = long.TryParse(x, NumberStyles.None, CultureInfo.InvariantCulture, out var a);
            var yNumber = long.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var b);
            if (xNumber && yNumber) return a.CompareTo(b);
            if (xNumber != yNumber) return xNumber ? -1 : 1;
            return string.CompareOrdinal(x, y);
        }
    }
}
