using System.Globalization;
using EditionBuilder.Model;

namespace EditionBuilder.Themes;

/// <summary>Groups a journal's articles for its contents (its landing page): by volume and issue, newest first (by number when they are numbers), each issue's articles by first page; articles that name no volume come last.</summary>
public static class JournalContents
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

    /// <summary>The folder of the issue pages.</summary>
    public const string IssuesFolder = "issues";

    /// <summary>The volumes with each issue's page path set: <c>issues/v{volume}-n{issue}/index.html</c> from their slugs, made distinct when two slugs meet; an issue of articles that name neither volume nor issue has no page.</summary>
    public static IReadOnlyList<VolumeView> WithIssuePages(IReadOnlyList<VolumeView> volumes)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        return volumes.Select(volume => volume with
        {
            Issues = volume.Issues.Select(issue =>
            {
                if (issue.Volume.Length == 0 && issue.Issue.Length == 0) return issue;
                var parts = new List<string>();
                if (issue.Volume.Length > 0) parts.Add("v" + Slug.From(issue.Volume));
                if (issue.Issue.Length > 0) parts.Add("n" + Slug.From(issue.Issue));
                var name = string.Join("-", parts);
                var unique = name;
                for (var n = 2; !taken.Add(unique); n++) unique = $"{name}-{n}";
                return issue with { Href = $"{IssuesFolder}/{unique}/index.html" };
            }).ToList(),
        }).ToList();
    }

    /// <summary>The journal's home page in a language: index.html in Arabic, en/index.html, fr/index.html.</summary>
    public static string HomePath(string language) => language == "ar" ? "index.html" : $"{language}/index.html";

    /// <summary>The home pages in every language, for each one's hreflang alternates (the Arabic home's too), titled by the language's name.</summary>
    public static IReadOnlyList<LinkView> HomeAlternates(SiteContext site, ThemeStrings strings) =>
        site.HomeLanguages.Count == 0 ? []
            : new[] { "ar" }.Concat(site.HomeLanguages).Select(l => new LinkView(strings.Get(l, "language_name"), HomePath(l), l)).ToList();

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
