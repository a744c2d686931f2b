using EditionBuilder.Diagnostics;
using EditionBuilder.Markdown;
using Xunit;

namespace EditionBuilder.Tests.Markdown;

/// <summary>A chapter's front matter is read by the same YAML reader as article.yml: its errors have the file's line and column and the same words.</summary>
public class FrontMatterTests
{
    private static List<string> Read(string markdown)
    {
        var diagnostics = new DiagnosticBag();
        FrontMatter.Read("ar/01-x.md", FrontMatter.Split(markdown).Yaml, diagnostics);
        return diagnostics.Items.Select(d => d.ToString()).ToList();
    }

    private const string Good = "---\ntitle: \"المقدمة\"\nlang: ar\ndir: rtl\norder: 1\nslug: 01-almqdma\n---\n\nنص.\n";

    [Fact]
    public void Given_the_front_matter_import_writes_When_read_Then_no_diagnostic()
    {
        var diagnostics = new DiagnosticBag();

        var front = FrontMatter.Read("ar/01-x.md", FrontMatter.Split(Good).Yaml, diagnostics);

        Assert.Empty(diagnostics.Items);
        Assert.Equal(("المقدمة", "ar", "rtl", 1, "01-almqdma"), (front!.Title, front.Lang, front.Dir, front.Order, front.Slug));
    }

    [Theory]
    [InlineData("slug: 01-almqdma", "slug: 01-almqdma\ntitel: x", "ar/01-x.md:7:1: error EB0208: unknown key 'titel'; did you mean 'title'?")]
    [InlineData("order: 1", "order: first", "ar/01-x.md:5:8: error EB0209: 'order' takes a whole number (1 for the first chapter), not 'first'")]
    [InlineData("lang: ar", "lang: de", "ar/01-x.md:3:7: error EB0201: front matter 'lang' is 'de'; it must be ar or en or fr")]
    [InlineData("slug: 01-almqdma", "slug: 01-almqdma\norder: 2", "ar/01-x.md:7:1: error EB0210: the key 'order' is written twice (first on line 5); keep one")]
    [InlineData("slug: 01-almqdma", "slug: 01-almqdma\nnote: الشراكة: انعكاساتها", "ar/01-x.md:7:14: error EB0205: a value holding ': ' (a colon and a space) must be in double quotes, or YAML reads a new key here: write key: \"…: …\"")]
    [InlineData("slug: 01-almqdma", "slug: ../x", "ar/01-x.md:6:7: error EB0201: front matter 'slug' is '../x'; a slug holds only a-z, 0-9 and '-'")]
    public void Given_a_bad_line_in_the_front_matter_When_read_Then_one_error_at_its_line_in_the_file(string line, string replacement, string expected)
    {
        Assert.Equal([expected], Read(Good.Replace(line, replacement, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("---\ntitle: \"المقدمة\"\nlang: ar\ndir: rtl\norder: 1\nslug: 01-almqdma\n\nنص.\n", "ar/01-x.md:1:1: error EB0201: the front matter opened by the '---' on this line is never closed: add a line '---' after its last field (slug: …)")]
    [InlineData("title: المقدمة\n\nنص.\n", "ar/01-x.md:1:1: error EB0201: the file has no YAML front matter (a first line '---')")]
    public void Given_front_matter_never_closed_or_never_opened_When_read_Then_the_error_says_which(string markdown, string expected)
    {
        // Found in a new user's trial: a file whose first line is '---' was told it had no first line '---'.
        var diagnostics = new DiagnosticBag();
        var parts = FrontMatter.Split(markdown);

        Assert.Null(FrontMatter.Read("ar/01-x.md", parts.Yaml, diagnostics, parts.Unclosed));
        Assert.Equal([expected], diagnostics.Items.Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("ar/01-x.md", "slug: 01-almqdma\n", "ar/01-x.md:2:1: error EB0202: front matter has no 'slug' (a chapter's is its file name without .md: 'slug: 01-x')")]
    [InlineData("en/abstract.md", "slug: 01-almqdma\n", "en/abstract.md:2:1: error EB0202: front matter has no 'slug' (an abstract's is 'slug: abstract')")]
    [InlineData("en/abstract.md", "title: \"المقدمة\"\n", "en/abstract.md:2:1: error EB0202: front matter has no 'title' (an abstract's title is the article's title in its language)")]
    [InlineData("ar/01-x.md", "dir: rtl\n", "ar/01-x.md:2:1: error EB0202: front matter has no 'dir' (dir: rtl)")]
    public void Given_a_field_left_out_When_read_Then_the_error_says_what_it_holds(string path, string left, string expected)
    {
        var diagnostics = new DiagnosticBag();
        var markdown = Good.Replace(left, string.Empty, StringComparison.Ordinal).Replace("order: 1", "order: 2", StringComparison.Ordinal);

        Assert.Null(FrontMatter.Read(path, FrontMatter.Split(markdown).Yaml, diagnostics));
        Assert.Equal([expected], diagnostics.Items.Select(d => d.ToString()));
    }

    [Fact]
    public void Given_a_title_holding_any_character_When_written_Then_it_is_what_YamlDotNet_wrote_before_and_reads_back_unchanged()
    {
        var serializer = new YamlDotNet.Serialization.SerializerBuilder().WithNamingConvention(YamlDotNet.Serialization.NamingConventions.CamelCaseNamingConvention.Instance)
            .WithQuotingNecessaryStrings().WithAttributeOverride<ChapterFrontMatter>(f => f.Title, new YamlDotNet.Serialization.YamlMemberAttribute { ScalarStyle = YamlDotNet.Core.ScalarStyle.DoubleQuoted }).Build();
        var differences = new List<string>();
        // Every control and separator YAML escapes, the bidi and invisible characters, and a stride through the rest of the BMP.
        var characters = Enumerable.Range(0, 0x100).Concat([0x200B, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A, 0x202B, 0x202C, 0x202E, 0x2066, 0x2069, 0xFEFF, 0xFFFE, 0xFFFF])
            .Concat(Enumerable.Range(0, 0x10000).Where(c => c % 61 == 0 && c is < 0xD800 or > 0xDFFF));
        foreach (var c in characters.Distinct())
        {
            var front = new ChapterFrontMatter { Title = $"أ{(char)c}ب \"x\"", Lang = "ar", Dir = "rtl", Order = 3, Slug = "03-x" };

            var written = FrontMatter.Write(front);

            if (written != "---\n" + serializer.Serialize(front) + "---\n") differences.Add($"U+{c:X4}");
            var read = FrontMatter.Read("x.md", FrontMatter.Split(written + "\nنص.\n").Yaml, new DiagnosticBag());
            if (read?.Title != front.Title) differences.Add($"U+{c:X4} does not read back");
        }

        Assert.Empty(differences);
    }
}
