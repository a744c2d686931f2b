namespace EditionBuilder.Benchmarks;

/// <summary>Finds the seed article and templates from the repository the benchmark runs in.</summary>
internal static class Seed
{
    public static string Root { get; } = FindRoot();

    public static string SourcePath => Path.Combine(Root, "content", "russian-iranian-partnership", "source", "article.txt");

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "EditionBuilder.sln"))) return dir.FullName;
            }
        }

        throw new InvalidOperationException("run the benchmarks inside the repository");
    }
}
