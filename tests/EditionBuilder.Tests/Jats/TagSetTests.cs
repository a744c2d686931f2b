using System.Xml.Linq;
using Xunit;

namespace EditionBuilder.Tests.Jats;

/// <summary>The element order and required elements of the JATS 1.1 tag sets (Tag Library content models), held to the seed, a fully described journal article and a chapter with every kind of block.</summary>
public class TagSetTests
{
    [Fact]
    public void Given_the_seed_When_written_as_JATS_Then_every_element_follows_the_Archiving_content_models()
    {
        AssertFollows(TagLibrary.Archiving, JatsArticles.Parse(JatsArticles.Seed));
    }

    [Fact]
    public void Given_the_seed_without_a_date_or_ISSN_Then_it_is_not_claimed_for_Publishing_which_requires_journal_meta_and_a_pub_date()
    {
        var problems = TagLibrary.Publishing.Problems(JatsArticles.Parse(JatsArticles.Seed));

        Assert.Contains(problems, p => p.Contains("<front> holds (article-meta)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("<article-meta>", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_fully_described_journal_article_When_written_as_JATS_Then_it_follows_both_Archiving_and_Publishing()
    {
        var document = JatsArticles.Parse(JatsArticles.Journal());

        AssertFollows(TagLibrary.Archiving, document);
        AssertFollows(TagLibrary.Publishing, document);
    }

    [Fact]
    public void Given_a_fully_described_journal_article_When_written_as_JATS_Then_article_meta_holds_every_field_in_the_tag_set_order()
    {
        var front = JatsArticles.Parse(JatsArticles.Journal()).Root!.Element("front")!;
        var meta = front.Element("article-meta")!;

        Assert.Equal(
            ["article-id", "title-group", "contrib-group", "pub-date", "volume", "issue", "fpage", "lpage", "permissions", "abstract", "trans-abstract", "kwd-group", "kwd-group", "kwd-group"],
            meta.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(["journal-id", "journal-title-group", "issn", "issn", "publisher"], front.Element("journal-meta")!.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("10.1234/jss.2023.045", meta.Element("article-id")!.Value);
        Assert.Equal(["15", "03", "2024"], meta.Element("pub-date")!.Elements().Select(e => e.Value));
        Assert.Equal("2024-03-15", (string?)meta.Element("pub-date")!.Attribute("iso-8601-date"));
        Assert.Equal(["12", "3", "45", "67"], new[] { "volume", "issue", "fpage", "lpage" }.Select(n => meta.Element(n)!.Value));
        Assert.Equal("https://creativecommons.org/licenses/by-nc/4.0/", (string?)meta.Descendants("license").Single().Attribute(JatsArticles.XLink + "href"));
        Assert.Equal(["ar", "en", "fr"], meta.Elements("kwd-group").Select(g => (string)g.Attribute(XNamespace.Xml + "lang")!));
        Assert.Equal(["روسيا", "إيران", "سوريا"], meta.Elements("kwd-group").First().Elements("kwd").Select(k => k.Value));

        var first = meta.Element("contrib-group")!.Elements("contrib").First();
        Assert.Equal(["contrib-id", "name-alternatives", "aff-alternatives", "aff", "email"], first.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("https://orcid.org/0000-0002-1825-0097", first.Element("contrib-id")!.Value);
        Assert.Equal(["أحمد محمد علي", "Ahmad Mohammad Ali"], first.Element("name-alternatives")!.Elements("string-name").Select(n => n.Value));
        Assert.Equal(["جامعة بيروت العربية", "Beirut Arab University"], first.Element("aff-alternatives")!.Elements("aff").Select(a => a.Value));
        Assert.Equal("جامعة دمشق", first.Element("aff")!.Value);
    }

    [Fact]
    public void Given_article_meta_in_the_wrong_order_or_without_its_title_Then_the_tag_set_check_reports_it()
    {
        var document = JatsArticles.Parse(JatsArticles.Journal());
        var meta = document.Root!.Element("front")!.Element("article-meta")!;
        var volume = meta.Element("volume")!;
        volume.Remove();
        meta.Element("pub-date")!.AddBeforeSelf(volume);

        Assert.Contains(TagLibrary.Archiving.Problems(document), p => p.Contains("<article-meta>", StringComparison.Ordinal));

        var untitled = JatsArticles.Parse(JatsArticles.Journal());
        untitled.Root!.Element("front")!.Element("article-meta")!.Element("title-group")!.Remove();
        AssertFollows(TagLibrary.Archiving, untitled);
        Assert.Contains(TagLibrary.Publishing.Problems(untitled), p => p.Contains("<article-meta>", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_chapter_with_tables_figures_lists_quotes_and_both_note_sequences_Then_it_follows_the_Archiving_content_models()
    {
        AssertFollows(TagLibrary.Archiving, JatsArticles.Parse(JatsWriterTests.RichXml()));
    }

    [Fact]
    public void Given_any_JATS_file_of_the_tests_Then_every_xref_resolves_to_an_fn_and_every_fn_has_its_label()
    {
        foreach (var xml in new[] { JatsArticles.Seed, JatsArticles.Journal(), JatsWriterTests.RichXml() })
        {
            var document = JatsArticles.Parse(xml);
            var fns = document.Descendants("fn").ToDictionary(f => (string)f.Attribute("id")!);

            Assert.NotEmpty(document.Descendants("xref"));
            Assert.All(document.Descendants("xref"), x => Assert.True(fns.ContainsKey((string)x.Attribute("rid")!), $"xref {x} has no fn"));
            Assert.All(fns.Values, f => Assert.Equal("label", f.Elements().First().Name.LocalName));
        }
    }

    private static void AssertFollows(TagLibrary library, XDocument document)
    {
        var problems = library.Problems(document);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
