using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Site;
using EditionBuilder.Themes;
using EditionBuilder.Writers;

namespace EditionBuilder.Journal;

/// <summary>The journal's home page in English and in French (<c>en/index.html</c>, <c>fr/index.html</c>), through the same <c>journal.html</c> as the Arabic home: the journal's name, its issues, and every article under its title in that language, linked to its abstract page in that language (else its landing page), with hreflang alternates to the Arabic home and back.</summary>
public sealed class JournalHomes : IEditionWriter
{
    /// <summary>The languages that get a home page besides Arabic.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "fr"];

    public string Name => "homes";

    public IReadOnlyList<SiteFile>? Write(EditionWriterInput input, DiagnosticBag diagnostics)
    {
        var site = input.Site;
        if (!site.IsJournal) return [];
        foreach (var language in Languages)
        {
            if (JournalPaths.Taken(input, language, diagnostics)) return null;
        }

        var entries = JournalEntry.Of(input);
        var theme = input.Theme;
        var pages = new PageRenderer(theme, site, leaveOutBodies: false);
        var alternates = JournalContents.HomeAlternates(site with { HomeLanguages = Languages }, theme.Strings);
        var files = new List<SiteFile>();
        foreach (var language in Languages)
        {
            var summaries = entries.Select(e => In(e, language)).ToList();
            var name = site.Edition.NameIn(language);
            var model = new JournalPageModel(summaries, site.Edition.Publisher)
            {
                Volumes = JournalContents.Group(summaries, theme.Strings, language),
                LicenceInfo = ArticleViews.View(Licences.Find(site.Edition.Licence)),
                IssnPrint = site.Edition.IssnPrint,
                IssnOnline = site.Edition.IssnOnline,
            };
            var title = name.Length > 0 ? name : theme.Strings.Get(language, "journal");
            if (pages.Render(new PageRequest(JournalContents.HomePath(language), "journal.html", "journal", language, "ltr", title, name, alternates, model), diagnostics) is not { } page) return null;
            files.Add(page);
        }

        return files;
    }

    // The article as the home of one language lists it: its title, authors and page in that language, falling back as the pages do.
    private static ArticleSummary In(JournalEntry entry, string language)
    {
        var metadata = entry.Metadata;
        var titleLanguage = metadata.TitleLanguage(language);
        return entry.Summary with
        {
            Title = metadata.TitleIn(language),
            Authors = metadata.NamedAuthors.Select(a => a.NameIn(language).Trim()).Where(n => n.Length > 0).ToList(),
            Href = entry.PageIn(language),
            TitleLang = titleLanguage.Length > 0 ? titleLanguage : "ar",
            TitleDir = titleLanguage is "" or "ar" ? "rtl" : "ltr",
        };
    }
}
