namespace EditionBuilder.Tests.Support;

/// <summary>Paths of the repository the tests run in: the seed article, templates, golden files.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string SeedPath => Path.Combine(Root, "content", "russian-iranian-partnership", "source", "article.txt");

    public static string ContentFolder => Path.Combine(Root, "content");

    public static string Templates => Path.Combine(Root, "templates");

    public static string TestsFolder => Path.Combine(Root, "tests", "EditionBuilder.Tests");

    public static byte[] SeedBytes() => File.ReadAllBytes(SeedPath);

    public static string[] SeedLines() => File.ReadAllText(SeedPath).Split('\n');

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EditionBuilder.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("the tests must run inside the repository (EditionBuilder.sln not found)");
    }
}
