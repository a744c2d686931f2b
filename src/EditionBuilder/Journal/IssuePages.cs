using EditionBuilder.Diagnostics;
using EditionBuilder.Site;
using EditionBuilder.Themes;
using EditionBuilder.Writers;

namespace EditionBuilder.Journal;

/// <summary>A page per issue of the journal (<c>issues/v12-n3/index.html</c>), in Arabic through the theme's <c>issue.html</c>: the issue's articles by first page, with their authors and pages, as the journal index groups them.</summary>
public sealed class IssuePages : IEditionWriter
{
    public string Name => "issues";

    public IReadOnlyList<SiteFile>? Write(EditionWriterInput input, DiagnosticBag diagnostics)
    {
        if (!input.Site.IsJournal) return [];
        if (JournalPaths.Taken(input, JournalContents.IssuesFolder, diagnostics)) return null;
        var theme = input.Theme;
        var pages = new PageRenderer(theme, input.Site, leaveOutBodies: false);
        var files = new List<SiteFile>();
        foreach (var volume in JournalContents.WithIssuePages(JournalContents.Group(input.Articles, theme.Strings)))
        {
            foreach (var issue in volume.Issues.Where(i => i.Href.Length > 0))
            {
                var title = TitleOf(issue, theme.Strings);
                var model = new IssuePageModel(input.Site.SiteName, issue);
                if (pages.Render(new PageRequest(issue.Href, "issue.html", "issue", "ar", "rtl", title, input.Site.SiteName, [], model), diagnostics) is not { } page) return null;
                files.Add(page);
            }
        }

        return files;
    }

    // "المجلد 12، العدد 3", from the theme's strings.
    private static string TitleOf(IssueView issue, ThemeStrings strings)
    {
        var parts = new List<string>();
        if (issue.Volume.Length > 0) parts.Add($"{strings.Get("ar", "volume")} {issue.Volume}");
        if (issue.Issue.Length > 0) parts.Add($"{strings.Get("ar", "issue")} {issue.Issue}");
        return string.Join(strings.Get("ar", "list_separator"), parts);
    }
}

/// <summary>The model of an issue page: the journal's name and the issue with its articles.</summary>
public sealed record IssuePageModel(string Journal, IssueView Issue);
