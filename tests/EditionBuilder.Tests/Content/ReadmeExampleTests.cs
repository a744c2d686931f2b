using System.Text.RegularExpressions;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Content;

/// <summary>The README's full examples of edition.yml and article.yml are read as they are, so the documentation cannot drift from the schema.</summary>
public class ReadmeExampleTests
{
    private static string Example(string heading)
    {
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md"));
        var match = Regex.Match(readme, Regex.Escape(heading) + @"[^\n]*\n\n```yaml\n(?<yaml>(?:.|\n)*?)```");
        Assert.True(match.Success, $"the README has no example after '{heading}'");
        return match.Groups["yaml"].Value;
    }

    [Fact]
    public void Given_the_README_example_of_edition_yml_When_read_Then_it_is_valid_and_uses_every_key()
    {
        var diagnostics = new DiagnosticBag();
        var yaml = Example("`edition.yml`, in full:");

        var edition = MetadataYaml.ReadEdition("README edition.yml", yaml, diagnostics);

        Assert.Empty(diagnostics.Items);
        Assert.Equal(("2049-3630", "0317-8471", "CC-BY-4.0"), (edition!.IssnPrint, edition.IssnOnline, edition.Licence));
        Assert.All(MetadataYaml.EditionKeys, key => Assert.Contains("\n" + key + ":", "\n" + yaml));
    }

    [Fact]
    public void Given_the_README_example_of_article_yml_When_read_Then_it_is_valid_and_uses_every_key()
    {
        var diagnostics = new DiagnosticBag();
        var yaml = Example("`article.yml`, in full");

        var article = MetadataYaml.ReadArticle("README article.yml", yaml, diagnostics);

        Assert.Empty(diagnostics.Items);
        Assert.Equal(("Sara Khalil", "10.1234/jss.2024.045", "45", "67"), (article!.Authors[1].NameIn("en"), article.Doi, article.FirstPage, article.LastPage));
        Assert.All(MetadataYaml.ArticleKeys.Except(["first_page", "last_page"]), key => Assert.Contains("\n" + key + ":", "\n" + yaml));
    }
}
