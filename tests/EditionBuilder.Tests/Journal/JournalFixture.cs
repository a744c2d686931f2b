using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Journal;

/// <summary>A three-article journal in two issues with full metadata (titles in three languages, authors with their names split, DOIs, pages, dates, ISSNs, base URL and Crossref depositor): the edition the journal writers and the registry exports are tested on.</summary>
public sealed class JournalFixture : IDisposable
{
    public const string BaseUrl = "https://journal.example.org/jss/";

    public const string Gateway = "https://gateway.example.net/oai/";

    public const string Edition = """
        name: { ar: مجلة الدراسات الاستراتيجية, en: Journal of Strategic Studies, fr: Revue d'études stratégiques }
        publisher: مركز الدراسات الاستراتيجية
        issn_print: 2049-3630
        issn_online: 0317-8471
        base_url: https://journal.example.org/jss/
        licence: CC-BY-4.0
        crossref:
          depositor: Centre for Strategic Studies
          email: doi@journal.example.org
          registrant: Centre for Strategic Studies
        oai:
          gateway: https://gateway.example.net/oai/
          email: oai@journal.example.org
        """;

    /// <summary>Each article's folder name, English title and French title, in folder order.</summary>
    public static readonly (string Slug, string English, string French)[] Articles =
    [
        ("borders", "Borders and sovereignty in the Levant", "Frontières et souveraineté au Levant"),
        ("energy", "Energy corridors of the Eastern Mediterranean", "Les corridors énergétiques de la Méditerranée orientale"),
        ("partnership", "The Russian – Iranian partnership in Syria", "Le partenariat russo-iranien en Syrie"),
    ];

    private readonly TempFolder _temp = new();

    public JournalFixture()
    {
        _temp.File("content/edition.yml", Edition);
        Article("partnership", "الشراكة الروسية – الإيرانية في سوريا", Articles[2], issue: "1", pages: "1-20", date: "2024-03-15", doi: "10.1234/jss.2024.001",
            """
              - name: { ar: أحمد محمد علي, en: Ahmad Mohammad Ali }
                surname: { ar: علي, en: Ali }
                given_names: { ar: أحمد محمد, en: Ahmad Mohammad }
                affiliation: [{ ar: جامعة بيروت العربية, en: Beirut Arab University }]
                orcid: 0000-0002-1825-0097
                email: ahmad.ali@example.org
              - name: { ar: سارة خليل, en: Sara Khalil }
                surname: { ar: خليل, en: Khalil }
                given_names: { ar: سارة, en: Sara }
                affiliation: { ar: الجامعة اللبنانية, en: Lebanese University }
            """);
        Article("energy", "ممرات الطاقة في شرق المتوسط", Articles[1], issue: "1", pages: "21-40", date: "2024-03-15", doi: "10.1234/jss.2024.002",
            """
              - name: { ar: ليلى حداد, en: Layla Haddad }
                surname: { ar: حداد, en: Haddad }
                given_names: { ar: ليلى, en: Layla }
                affiliation: { ar: جامعة القديس يوسف, en: Saint Joseph University }
            """);
        Article("borders", "الحدود والسيادة في بلاد الشام", Articles[0], issue: "2", pages: "1-18", date: "2024-09-10", doi: "10.1234/jss.2024.003",
            """
              - name: { ar: يوسف نصر, en: Youssef Nasr }
                surname: { ar: نصر, en: Nasr }
                given_names: { ar: يوسف, en: Youssef }
                affiliation: { ar: جامعة دمشق, en: Damascus University }
                orcid: 0000-0001-5109-3700
            """);
        var diagnostics = new DiagnosticBag();
        Content = ContentFolder.Read(ContentPath, diagnostics)!;
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.Items));
    }

    /// <summary>The content folder.</summary>
    public string ContentPath => Path.Combine(_temp.Path, "content");

    public EditionContent Content { get; }

    /// <summary>Writes a file of the content folder (a test's variation), returning its path.</summary>
    public string Write(string relative, string text) => _temp.File("content/" + relative, text);

    /// <summary>The site built in memory from the content folder as it is now, as rendered (not minified), verified; fails the test on errors.</summary>
    public IReadOnlyList<Site.SiteFile> Site(DiagnosticBag? diagnostics = null)
    {
        diagnostics ??= new DiagnosticBag();
        var content = Read(diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.Items));
        var files = Sites.Render(SeedSite.Get().Templates, content!, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.Items));
        return files!;
    }

    /// <summary>The content folder read again, after a test changed it; its diagnostics in the bag.</summary>
    public EditionContent? Read(DiagnosticBag diagnostics) => ContentFolder.Read(ContentPath, diagnostics);

    public void Dispose() => _temp.Dispose();

    private void Article(string slug, string arabic, (string Slug, string English, string French) titles, string issue, string pages, string date, string doi, string authors)
    {
        _temp.File($"content/{slug}/article.yml", $"""
            title:
              ar: "{arabic}"
              en: "{titles.English}"
              fr: "{titles.French}"
            authors:
            {authors}
            doi: {doi}
            keywords:
              ar: سوريا، الشرق الأوسط
              en: [Syria, Middle East]
              fr: [Syrie, Moyen-Orient]
            volume: 12
            issue: {issue}
            pages: {pages}
            date: {date}
            """);
        _temp.File($"content/{slug}/ar/01-almqdma.md", SmallEdition.Chapter1);
        _temp.File($"content/{slug}/ar/02-alkhatma.md", SmallEdition.Chapter2);
        _temp.File($"content/{slug}/ar/references.md", "---\ntitle: \"المراجع\"\nlang: ar\ndir: rtl\nslug: references\n---\n\n- حداد، ليلى (2019). السياسة الخارجية الروسية. بيروت: دار النشر.\n- {lang=en} Smith, John (2020). Russia and Iran. London: Routledge.\n");
        _temp.File($"content/{slug}/ar/abstract.md", $"---\ntitle: \"ملخص\"\nlang: ar\ndir: rtl\norder: 0\nslug: abstract\n---\n\nتتناول هذه الدراسة {arabic}.\n");
        _temp.File($"content/{slug}/en/abstract.md", $"---\ntitle: \"{titles.English}\"\nlang: en\ndir: ltr\norder: 0\nslug: abstract\n---\n\nThis study examines {titles.English.ToLowerInvariant()}.\n");
        _temp.File($"content/{slug}/fr/abstract.md", $"---\ntitle: \"{titles.French}\"\nlang: fr\ndir: ltr\norder: 0\nslug: abstract\n---\n\nCette étude examine {titles.French.ToLowerInvariant()}.\n");
    }
}
