using System.Xml.Linq;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Jats;
using EditionBuilder.Parse;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Jats;

/// <summary>JATS files made by the writer for the tests: the seed article's, and a journal article with every field article.yml and edition.yml can give.</summary>
public static class JatsArticles
{
    public static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    private static readonly Lazy<string> SeedText = new(() => Write(SeedSite.Get().Content));

    /// <summary>The seed article's JATS file, as text.</summary>
    public static string Seed => SeedText.Value;

    public const string JournalEdition = """
        name: { ar: مجلة الدراسات الاستراتيجية, en: Journal of Strategic Studies, fr: Revue d'études stratégiques }
        publisher: مركز الدراسات
        issn_print: 2049-3630
        issn_online: 0317-8471
        licence: CC-BY-4.0
        """;

    public const string JournalArticle = """
        title:
          ar: "الشراكة الروسية – الإيرانية في سوريا"
          en: "The Russian – Iranian partnership in Syria"
          fr: "Le partenariat russo-iranien en Syrie"
        subtitle: { ar: انعكاساتها على الشرق الأوسط, en: Its impact on the Middle East }
        authors:
          - name: { ar: أحمد محمد علي, en: Ahmad Mohammad Ali }
            affiliation: [{ ar: جامعة بيروت العربية, en: Beirut Arab University }, جامعة دمشق]
            orcid: 0000-0002-1825-0097
            email: ahmad.ali@example.org
          - name: سارة خليل
            affiliation: الجامعة اللبنانية
        doi: 10.1234/jss.2023.045
        keywords:
          ar: روسيا، إيران، سوريا
          en: [Russia, Iran, Syria]
          fr: [Russie, Iran, Syrie]
        volume: 12
        issue: 3
        pages: 45-67
        date: 2024-03-15
        licence: CC-BY-NC-4.0
        """;

    /// <summary>The fully described journal article's JATS file (its chapters are the small edition's).</summary>
    public static string Journal()
    {
        using var temp = new TempFolder();
        temp.File("content/edition.yml", JournalEdition);
        temp.File("content/article/article.yml", JournalArticle);
        temp.File("content/article/ar/01-almqdma.md", SmallEdition.Chapter1);
        temp.File("content/article/ar/02-alkhatma.md", SmallEdition.Chapter2);
        temp.File("content/article/en/abstract.md", SmallEdition.English);
        temp.File("content/article/ar/abstract.md", "---\ntitle: \"ملخص\"\nlang: ar\ndir: rtl\norder: 0\nslug: abstract\n---\n\nتتناول هذه الدراسة الشراكة بين روسيا وإيران.\n");
        var diagnostics = new DiagnosticBag();
        var content = ContentFolder.Read(Path.Combine(temp.Path, "content"), diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.Items));
        return Write(content!);
    }

    /// <summary>The JATS file of an edition's only (or first) article, with no errors and no warnings.</summary>
    public static string Write(EditionContent content)
    {
        var diagnostics = new DiagnosticBag();
        var text = WriteWith(content, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.Items));
        return text!;
    }

    /// <summary>The JATS file of an edition's first article, its diagnostics in the bag; null on errors.</summary>
    public static string? WriteWith(EditionContent content, DiagnosticBag diagnostics)
    {
        var parsed = new ArticleParser().Parse(content.Articles[0], diagnostics);
        if (parsed is null) return null;
        var writer = new JatsWriter(content.Edition, SeedSite.Get().Templates.Strings.Get("ar", "archived_copy"));
        return writer.Write(parsed, diagnostics)?.AsText();
    }

    /// <summary>The file read as XML (the DOCTYPE names a DTD that is not read).</summary>
    public static XDocument Parse(string xml) => XDocument.Parse(xml, LoadOptions.SetLineInfo);
}
