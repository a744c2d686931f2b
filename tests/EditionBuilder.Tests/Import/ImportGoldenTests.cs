using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Markdown;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Import;

/// <summary>Golden files for the seed's tricky spots and for manuscripts (front matter, headings without blank lines): Golden/import/NNN-name.txt is imported and compared with NNN-name.md, article.yml included.</summary>
public class ImportGoldenTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.TestsFolder, "Golden", "import"), "*.txt").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Given_a_tricky_spot_of_a_source_When_imported_Then_the_Markdown_and_article_yml_match_its_golden_file(string name)
    {
        var input = Path.Combine(Repo.TestsFolder, "Golden", "import", name + ".txt");
        var diagnostics = new DiagnosticBag();

        var article = WordExportReader.Read(name + ".txt", File.ReadAllBytes(input), diagnostics);

        Assert.NotNull(article);
        var text = string.Concat(diagnostics.Items.Select(d => $"<!-- {d} -->\n"))
            + string.Concat(ArticleMarkdown.Write(article, ArticleMarkdown.MetadataFrom(article)).Select(f => $"<!-- file: {f.Path} -->\n{f.Text}"));
        Golden.Matches(Path.Combine("import", name + ".md"), text);
    }
}
