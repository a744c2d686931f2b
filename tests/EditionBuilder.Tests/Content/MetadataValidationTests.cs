using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using Xunit;

namespace EditionBuilder.Tests.Content;

/// <summary>article.yml and edition.yml: every bad value is an error at the value's line and column, in the publisher's words, and empty values mean "not given".</summary>
public class MetadataValidationTests
{
    private static (ArticleMetadata? Metadata, List<string> Diagnostics) Article(string yaml)
    {
        var diagnostics = new DiagnosticBag();
        var metadata = MetadataYaml.ReadArticle("article.yml", yaml, diagnostics);
        return (metadata, diagnostics.Items.Select(d => d.ToString()).ToList());
    }

    private static (EditionMetadata? Edition, List<string> Diagnostics) Edition(string yaml)
    {
        var diagnostics = new DiagnosticBag();
        var edition = MetadataYaml.ReadEdition("edition.yml", yaml, diagnostics);
        return (edition, diagnostics.Items.Select(d => d.ToString()).ToList());
    }

    [Theory]
    [InlineData("doi: 10.12/abc\n", "article.yml:1:6: error EB0215: '10.12/abc' is not a DOI: a DOI is 10., a registrant number of 4 to 9 digits, '/' and a suffix without spaces (10.1234/abcd)")]
    [InlineData("doi: \"10.1234/a b\"\n", "article.yml:1:6: error EB0215: '10.1234/a b' is not a DOI: a DOI is 10., a registrant number of 4 to 9 digits, '/' and a suffix without spaces (10.1234/abcd)")]
    [InlineData("date: 15/03/2024\n", "article.yml:1:7: error EB0214: '15/03/2024' is not a date written YYYY, YYYY-MM or YYYY-MM-DD (ISO 8601); did you mean 2024-03-15?")]
    [InlineData("date: 2023-02-29\n", "article.yml:1:7: error EB0214: '2023-02-29' is not a date written YYYY, YYYY-MM or YYYY-MM-DD (ISO 8601), such as 2024-03-15")]
    [InlineData("date: 03/04/2024\n", "article.yml:1:7: error EB0214: '03/04/2024' is not a date written YYYY, YYYY-MM or YYYY-MM-DD (ISO 8601), such as 2024-03-15")]
    [InlineData("licence: CC BY 4.0\n", "article.yml:1:10: error EB0218: 'CC BY 4.0' is not a licence id the edition knows; did you mean 'CC-BY-4.0'?")]
    [InlineData("licence: proprietary\n", "article.yml:1:10: error EB0218: 'proprietary' is not a licence id the edition knows; use an SPDX id such as CC0-1.0, CC-BY-4.0, CC-BY-SA-4.0, CC-BY-ND-4.0 (docs/diagnostics.md lists them all)")]
    [InlineData("authors:\n  - name: أحمد علي\n    orcid: 0000-0002-1825-0098\n", "article.yml:3:12: error EB0217: '0000-0002-1825-0098' is not a valid ORCID iD: its last character (the check digit) does not match the others; copy it again from orcid.org")]
    [InlineData("authors:\n  - name: أحمد علي\n    orcid: 1234\n", "article.yml:3:12: error EB0217: '1234' is not an ORCID iD: write four groups of four digits (the last may be X), such as 0000-0002-1825-0097")]
    [InlineData("authors:\n  - name: أحمد علي\n    email: ahmad.example.org\n", "article.yml:3:12: error EB0220: 'ahmad.example.org' is not an e-mail address (name@example.org)")]
    [InlineData("pages: 12 to 34\n", "article.yml:1:8: error EB0221: pages '12 to 34' is not a page range: write the first and last page, such as 12-34")]
    [InlineData("first_page: 40\nlast_page: 12\n", "article.yml:2:12: error EB0221: the last page (12) comes before the first (40)")]
    [InlineData("pages: 1-2\nfirst_page: 1\n", "article.yml:2:13: error EB0221: give either pages: (12-34) or first_page:/last_page:, not both")]
    [InlineData("author: أحمد علي\n", "article.yml:1:1: error EB0208: unknown key 'author'; did you mean 'authors'?")]
    [InlineData("titel:\n  ar: عنوان\n", "article.yml:1:1: error EB0208: unknown key 'titel'; did you mean 'title'?")]
    [InlineData("colour: red\n", "article.yml:1:1: error EB0208: unknown key 'colour'; article.yml has the keys title, subtitle, authors, doi, keywords, journal, volume, issue, pages, first_page, last_page, date, licence")]
    [InlineData("title:\n  arabic: عنوان\n", "article.yml:2:3: error EB0208: unknown key 'arabic'; 'title' has a value per language: ar, en, fr")]
    [InlineData("title:\n  ara: عنوان\n", "article.yml:2:3: error EB0208: unknown key 'ara'; did you mean 'ar'?")]
    [InlineData("authors:\n  nested: map\n", "article.yml:2:3: error EB0209: 'authors' takes a list of names or of { name, affiliation, orcid, email }, not a map of key: value pairs")]
    [InlineData("title: عنوان\n", "article.yml:1:8: error EB0209: 'title' takes a title per language, such as { ar: …, en: … }, not a text")]
    [InlineData("authors:\n  - [أحمد, علي]\n", "article.yml:2:5: error EB0209: each author is a name or { name, affiliation, orcid, email }, not a list")]
    [InlineData("authors:\n  - affiliation: جامعة دمشق\n", "article.yml:2:5: error EB0209: this author has no name: add name: …")]
    [InlineData("authors:\n  - name: أحمد\n    affilation: جامعة\n", "article.yml:3:5: error EB0208: unknown key 'affilation'; did you mean 'affiliation'?")]
    [InlineData("keywords: [روسيا, إيران]\n", "article.yml:1:11: error EB0209: 'keywords' takes keywords per language, such as { ar: [ …, … ], en: [ …, … ] }, not a list")]
    [InlineData("volume: [1, 2]\n", "article.yml:1:9: error EB0209: 'volume' takes a volume number or name, not a list")]
    [InlineData("- a\n- b\n", "article.yml:1:1: error EB0209: article.yml holds key: value lines (such as title:), not a list")]
    public void Given_a_bad_article_yml_value_When_read_Then_one_error_at_the_value_in_plain_words(string yaml, string expected)
    {
        var (metadata, diagnostics) = Article(yaml);

        Assert.Null(metadata);
        Assert.Equal([expected], diagnostics);
    }

    [Theory]
    [InlineData("base_url: \"javascript:alert(1)//\"\n", "edition.yml:1:11: error EB0219: base_url 'javascript:alert(1)//' is not a web address: it must start with https:// or http:// and name a host (https://example.org/journal/)")]
    [InlineData("base_url: ftp://example.org/\n", "edition.yml:1:11: error EB0219: base_url 'ftp://example.org/' is not a web address: it must start with https:// or http:// and name a host (https://example.org/journal/)")]
    [InlineData("issn_print: 2049-3631\n", "edition.yml:1:13: error EB0216: '2049-3631' is not a valid ISSN: its last character (the check digit) does not match the first seven digits; check the number")]
    [InlineData("issn_online: 204-93630\n", "edition.yml:1:14: error EB0216: '204-93630' is not an ISSN: write two groups of four digits, the last of which may be X (2049-3630)")]
    [InlineData("licence: CC-BY-5.0\n", "edition.yml:1:10: error EB0218: 'CC-BY-5.0' is not a licence id the edition knows; did you mean 'CC-BY-4.0'?")]
    [InlineData("baseurl: https://example.org/\n", "edition.yml:1:1: error EB0208: unknown key 'baseurl'; did you mean 'base_url'?")]
    [InlineData("base-url: https://example.org/\n", "edition.yml:1:1: error EB0208: unknown key 'base-url'; did you mean 'base_url'?")]
    public void Given_a_bad_edition_yml_value_When_read_Then_one_error_at_the_value_in_plain_words(string yaml, string expected)
    {
        var (edition, diagnostics) = Edition(yaml);

        Assert.Null(edition);
        Assert.Equal([expected], diagnostics);
    }

    [Fact]
    public void Given_every_field_written_well_When_read_Then_the_model_holds_them_normalized()
    {
        var (metadata, diagnostics) = Article("""
            title:
              ar: "الشراكة الروسية – الإيرانية في سوريا: انعكاساتها"
              en: The Russian – Iranian partnership
            subtitle: { ar: انعكاساتها على الشرق الأوسط }
            authors:
              - أحمد علي
              - name: { ar: سارة خليل, en: Sara Khalil }
                affiliation: [{ ar: الجامعة اللبنانية, en: Lebanese University }, جامعة دمشق]
                orcid: https://orcid.org/0000-0002-1694-233x
                email: sara@example.org
            doi: https://doi.org/10.1234/ABC.2024.1
            keywords:
              ar: روسيا، إيران، سوريا
              en: [Russia, Iran]
            volume: 12
            issue: 3
            pages: 45–67
            date: 2024-03-15
            licence: cc-by-4.0
            """);

        Assert.Empty(diagnostics);
        Assert.NotNull(metadata);
        Assert.Equal("الشراكة الروسية – الإيرانية في سوريا: انعكاساتها", metadata.TitleIn("ar"));
        Assert.Equal("انعكاساتها على الشرق الأوسط", metadata.SubtitleIn("ar"));
        Assert.Equal(["أحمد علي", "سارة خليل"], metadata.Authors.Select(a => a.NameIn("ar")));
        Assert.Equal("Sara Khalil", metadata.Authors[1].NameIn("en"));
        Assert.Equal("أحمد علي", metadata.Authors[0].NameIn("en"));
        Assert.Equal(["Lebanese University", "جامعة دمشق"], metadata.Authors[1].Affiliations.Select(a => a.In("en")));
        Assert.Equal("0000-0002-1694-233X", metadata.Authors[1].Orcid);
        Assert.Equal("10.1234/ABC.2024.1", metadata.Doi);
        Assert.Equal(["روسيا", "إيران", "سوريا"], metadata.KeywordsIn("ar"));
        Assert.Equal(["Russia", "Iran"], metadata.KeywordsIn("en"));
        Assert.Equal(("12", "3", "45", "67", "45–67"), (metadata.Volume, metadata.Issue, metadata.FirstPage, metadata.LastPage, metadata.Pages));
        Assert.Equal(("2024-03-15", "CC-BY-4.0"), (metadata.Date, metadata.Licence));
    }

    [Theory]
    [InlineData("date:\n")]
    [InlineData("authors: ~\n")]
    [InlineData("volume: ~\n")]
    [InlineData("title: ~\n")]
    [InlineData("title:\n  ar:\n")]
    [InlineData("doi: \"\"\nlicence: null\nkeywords: {}\nauthors: []\npages:\n")]
    [InlineData("# only a comment\n")]
    [InlineData("")]
    public void Given_an_empty_value_When_read_Then_it_means_not_given(string yaml)
    {
        var (metadata, diagnostics) = Article(yaml);

        Assert.Empty(diagnostics);
        Assert.NotNull(metadata);
        Assert.Equal((string.Empty, string.Empty, string.Empty, 0), (metadata.Date, metadata.Volume, metadata.TitleIn("ar"), metadata.Authors.Count));
    }

    [Fact]
    public void Given_authors_as_one_string_When_read_Then_it_is_one_author()
    {
        var (metadata, diagnostics) = Article("authors: أحمد علي\n");

        Assert.Empty(diagnostics);
        Assert.Equal(["أحمد علي"], metadata!.Authors.Select(a => a.NameIn("ar")));
    }

    [Fact]
    public void Given_the_edition_yml_of_a_journal_When_read_Then_ISSNs_are_checked_and_kept()
    {
        var (edition, diagnostics) = Edition("name: { ar: مجلة الدراسات, en: Journal of Studies }\nissn_print: 2049-3630\nissn_online: 0317-8471\nbase_url: https://example.org/j/\nlicence: CC-BY-NC-4.0\npublisher: دار النشر\nversion: 2\n");

        Assert.Empty(diagnostics);
        Assert.Equal(("2049-3630", "0317-8471", "https://example.org/j/", "CC-BY-NC-4.0", "2"), (edition!.IssnPrint, edition.IssnOnline, edition.BaseUrl, edition.Licence, edition.Version));
        Assert.Equal(["0317-8471", "2049-3630"], edition.Issns);
    }

    [Fact]
    public void Given_several_bad_values_When_read_Then_every_one_is_reported_in_one_run()
    {
        var (_, diagnostics) = Article("doi: x\ndate: 2024-13\nlicence: nope\nauthor: x\n");

        Assert.Equal(["article.yml:1:6: error EB0215", "article.yml:2:7: error EB0214", "article.yml:3:10: error EB0218", "article.yml:4:1: error EB0208"],
            diagnostics.Select(d => d[..d.IndexOf(':', d.IndexOf("EB", StringComparison.Ordinal))]));
    }

    [Fact]
    public void Given_a_full_article_yml_When_written_and_read_back_Then_it_is_the_same()
    {
        var (metadata, _) = Article("title: { ar: \"عنوان \\\"مقتبس\\\" \\u202B\", en: Title }\nauthors:\n  - name: { ar: سارة, en: Sara }\n    affiliation: [أ, { en: B }]\n    orcid: 0000-0002-1825-0097\n    email: s@example.org\n  - أحمد\ndoi: 10.1234/x\nkeywords: { ar: [أ, ب], fr: [c] }\nvolume: \"3\"\nissue: 2\nfirst_page: 5\nlast_page: 9\ndate: 2024-03\nlicence: CC0-1.0\n");
        Assert.NotNull(metadata);

        var written = MetadataYaml.Write(metadata, "header");
        var (again, diagnostics) = Article(written);

        Assert.DoesNotContain(diagnostics, d => d.Contains("error", StringComparison.Ordinal));
        Assert.Equal(written, MetadataYaml.Write(again!, "header"));
        Assert.Contains("\\u202B", written);
    }
}
