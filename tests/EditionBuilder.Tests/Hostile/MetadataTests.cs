using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Hostile;

/// <summary>edition.yml and article.yml are checked inside a content folder: unknown keys, wrong types, YAML syntax errors and a missing title are positioned errors (Content/MetadataValidationTests has every value check).</summary>
public class MetadataTests
{
    private static List<Diagnostic> ReadArticleYml(string yaml)
    {
        using var temp = new TempFolder();
        SmallEdition.WriteTo(temp.Path);
        File.WriteAllText(Path.Combine(temp.Path, "small", "article.yml"), yaml);
        var diagnostics = new DiagnosticBag();
        ContentFolder.Read(temp.Path, diagnostics);
        return diagnostics.Items.ToList();
    }

    [Fact]
    public void Given_an_unknown_key_When_read_Then_EB0208_names_it_at_its_line_and_column_with_the_nearest_key()
    {
        var error = Assert.Single(ReadArticleYml("title:\n  ar: عنوان\nauthor: خطأ\n"));

        Assert.Equal(DiagnosticCodes.UnknownKey, error.Code);
        Assert.EndsWith("article.yml", error.Path);
        Assert.Equal((3, 1), (error.Line, error.Column));
        Assert.Equal("unknown key 'author'; did you mean 'authors'?", error.Message);
    }

    [Fact]
    public void Given_a_wrong_type_When_read_Then_EB0209_at_the_value_in_plain_words()
    {
        var error = Assert.Single(ReadArticleYml("title:\n  ar: عنوان\nauthors:\n  nested: map\n"));

        Assert.Equal(DiagnosticCodes.WrongShape, error.Code);
        Assert.Equal((4, 3), (error.Line, error.Column));
        Assert.DoesNotContain("System.", error.Message);
        Assert.Equal("'authors' takes a list of names or of { name, affiliation, orcid, email }, not a map of key: value pairs", error.Message);
    }

    [Fact]
    public void Given_a_YAML_syntax_error_When_read_Then_EB0205_at_its_line()
    {
        var error = Assert.Single(ReadArticleYml("title:\n  ar: \"غير مغلق\n  en: x\n"));

        Assert.Equal(DiagnosticCodes.MetadataInvalid, error.Code);
        Assert.InRange(error.Line, 2, 4);
    }

    [Fact]
    public void Given_no_title_in_any_language_When_read_Then_EB0207()
    {
        var error = Assert.Single(ReadArticleYml("authors: [أ]\n"));

        Assert.Equal(DiagnosticCodes.MetadataMissingTitle, error.Code);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Given_an_edition_yml_with_an_unknown_key_When_read_Then_EB0208()
    {
        using var temp = new TempFolder();
        SmallEdition.WriteTo(temp.Path);
        File.WriteAllText(Path.Combine(temp.Path, "edition.yml"), "name:\n  ar: س\nbaseurl: x\n");
        var diagnostics = new DiagnosticBag();

        Assert.Null(ContentFolder.Read(temp.Path, diagnostics));
        Assert.Equal("unknown key 'baseurl'; did you mean 'base_url'?", Assert.Single(diagnostics.Items).Message);
    }
}
