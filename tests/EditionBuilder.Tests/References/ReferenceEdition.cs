using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Site;
using EditionBuilder.Tests.Support;
using EditionBuilder.Themes;
using Xunit;

namespace EditionBuilder.Tests.References;

/// <summary>The small edition with a reference list in Arabic, English and French (ar/references.md), and its site built once.</summary>
public static class ReferenceEdition
{
    public const string References = """
        ---
        title: "المراجع"
        lang: ar
        dir: rtl
        slug: references
        ---

        - حداد، ليلى (2019). *السياسة الخارجية الروسية*. بيروت: دار النشر. https://example.org/book
        - {lang=en} Smith, J. (2020). *A title*. Journal of Examples, 3(2). https://doi.org/10.1000/x
        - {lang=fr} Dupont, M. (2018). *Un titre*. Paris. doi:10.1234/abc.def.
        """;

    public const string French = """
        ---
        title: Résumé
        lang: fr
        dir: ltr
        order: 0
        slug: abstract
        ---

        Un résumé en français.
        """;

    private static readonly Lazy<Theme> DefaultTheme = new(() =>
    {
        var diagnostics = new DiagnosticBag();
        var theme = Theme.Load(Repo.Templates, diagnostics);
        Assert.True(theme is not null, string.Join('\n', diagnostics.Items));
        return theme;
    });

    private static readonly Lazy<IReadOnlyList<SiteFile>> Built = new(() =>
    {
        var diagnostics = new DiagnosticBag();
        var site = Sites.Render(Theme, Content(), diagnostics);
        Assert.True(site is not null, string.Join('\n', diagnostics.Items));
        Assert.Empty(diagnostics.Items);
        return site;
    });

    /// <summary>The default theme, read without building the seed.</summary>
    public static Theme Theme => DefaultTheme.Value;

    /// <summary>The site as the templates wrote it (not minified), verified, with its EPUB and JATS file.</summary>
    public static IReadOnlyList<SiteFile> Site => Built.Value;

    public static SiteFile File(string path) => Site.Single(f => f.Path == path);

    /// <summary>The small edition (two chapters, an English abstract whose file's title is not article.yml's, a French one article.yml gives no title for) with the reference list <paramref name="references"/>.</summary>
    public static EditionContent Content(string references = References)
    {
        var small = SmallEdition.Content();
        var article = small.Articles[0];
        var metadata = article.Metadata;
        metadata.Title["en"] = "The Russian – Iranian partnership, as article.yml spells it";
        return small with
        {
            Articles =
            [
                article with
                {
                    Abstracts = [.. article.Abstracts, new MarkdownFile("small/fr/abstract.md", French)],
                    References = new MarkdownFile("small/ar/references.md", references),
                },
            ],
        };
    }
}
