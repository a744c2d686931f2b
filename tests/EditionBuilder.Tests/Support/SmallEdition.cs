using EditionBuilder.Content;

namespace EditionBuilder.Tests.Support;

/// <summary>A tiny edition written in the chapter format, for template and CLI tests.</summary>
public static class SmallEdition
{
    public const string Chapter1 = """
        ---
        title: المقدمة
        lang: ar
        dir: rtl
        order: 1
        slug: 01-almqdma
        ---

        نص أول يذكر S400 ثم يحيل[^1] ويحيل مرة ثانية[^1].

        نص ثانٍ يحيل إلى ملاحظة في الفصل التالي[^2].

        [^1]: ملاحظة أولى\
            www.example.org/a
        """;

    public const string Chapter2 = """
        ---
        title: الخاتمة
        lang: ar
        dir: rtl
        order: 2
        slug: 02-alkhatma
        ---

        خاتمة[^2].

        [^2]: Second note, in English.
        """;

    public const string English = """
        ---
        title: A small article
        lang: en
        dir: ltr
        order: 0
        slug: abstract
        ---

        An abstract in English.
        """;

    public static EditionContent Content(string? title = null, List<string>? authors = null)
    {
        var metadata = new ArticleMetadata { Authors = (authors ?? ["كاتب المقال"]).Select(a => (Author)a).ToList(), Journal = "مجلة", Volume = "3", Issue = "2", Date = "2016" };
        metadata.Title["ar"] = title ?? "مقال صغير";
        metadata.Title["en"] = "A small article";
        var edition = new EditionMetadata();
        edition.Name["ar"] = "طبعة تجريبية";
        return new EditionContent(edition,
        [
            new ArticleContent("small", "small/article.yml", metadata,
                [new MarkdownFile("small/ar/01-almqdma.md", Chapter1), new MarkdownFile("small/ar/02-alkhatma.md", Chapter2)],
                [new MarkdownFile("small/en/abstract.md", English)]),
        ]);
    }

    /// <summary>Writes the edition as a content folder on disk.</summary>
    public static void WriteTo(string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, "small", "ar"));
        Directory.CreateDirectory(Path.Combine(folder, "small", "en"));
        File.WriteAllText(Path.Combine(folder, "edition.yml"), "name:\n  ar: طبعة تجريبية\n");
        File.WriteAllText(Path.Combine(folder, "small", "article.yml"), "title:\n  ar: مقال صغير\n  en: A small article\nauthors: [كاتب المقال]\n");
        File.WriteAllText(Path.Combine(folder, "small", "ar", "01-almqdma.md"), Chapter1);
        File.WriteAllText(Path.Combine(folder, "small", "ar", "02-alkhatma.md"), Chapter2);
        File.WriteAllText(Path.Combine(folder, "small", "en", "abstract.md"), English);
    }
}
