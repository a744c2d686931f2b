using System.Text;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Markdown;

namespace EditionBuilder.Fuzz;

/// <summary>What must hold for any article.yml, edition.yml or chapter front matter: reading never throws, every error has a line and column, and what is accepted writes and reads back the same (and an import can merge into it).</summary>
public static class MetadataOracle
{
    /// <summary>Null when the input behaves; otherwise what went wrong.</summary>
    public static string? Check(byte[] input)
    {
        try
        {
            var text = Encoding.UTF8.GetString(input);
            var article = Read(d => MetadataYaml.ReadArticle("article.yml", text, d), out var problem);
            if (problem is not null) return "article.yml: " + problem;
            Read(d => MetadataYaml.ReadEdition("edition.yml", text, d), out problem);
            if (problem is not null) return "edition.yml: " + problem;
            Read(d => FrontMatter.Read("01.md", FrontMatter.Split(text).Yaml, d), out problem);
            if (problem is not null) return "front matter: " + problem;
            if (article is null) return null;

            var written = MetadataYaml.Write(article, "fuzz");
            var again = Read(d => MetadataYaml.ReadArticle("article.yml", written, d), out problem);
            if (again is null || problem is not null) return $"article.yml as written does not read back: {problem}\n{written}";
            if (MetadataYaml.Write(again, "fuzz") != written) return $"article.yml does not round-trip:\n{written}";

            var merged = MetadataMerge.MergeText("article.yml", text, Found, out var filled, out _);
            if (filled.Count > 0 && MetadataYaml.ReadArticle("article.yml", merged, new DiagnosticBag()) is null) return $"a merged article.yml does not read:\n{merged}";
            return null;
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {e.Message}\n{e.StackTrace}";
        }
    }

    private static readonly ArticleMetadata Found = Sample();

    private static ArticleMetadata Sample()
    {
        var found = new ArticleMetadata { Authors = [new Author { Name = "أحمد \"علي\"", Affiliations = ["جامعة: دمشق"] }] };
        found.Title["ar"] = "عنوان: من المصدر";
        found.Title["en"] = "A title # with a hash";
        found.Keywords["ar"] = ["روسيا", "[إيران]"];
        return found;
    }

    private static T? Read<T>(Func<DiagnosticBag, T?> read, out string? problem)
        where T : class
    {
        var diagnostics = new DiagnosticBag();
        var value = read(diagnostics);
        problem = value is null && !diagnostics.HasErrors ? "rejected without an error"
            : diagnostics.Items.FirstOrDefault(d => d.Severity == Severity.Error && (d.Line < 1 || d.Column < 1) && d.Code != DiagnosticCodes.MetadataTooLarge) is { } unpositioned ? $"an error without a position: {unpositioned}"
            : diagnostics.Items.FirstOrDefault(d => d.Message.Contains("System.", StringComparison.Ordinal) || d.Message.Contains("Exception", StringComparison.Ordinal)) is { } leak ? $"a .NET name in a message: {leak}"
            : null;
        return value;
    }
}
