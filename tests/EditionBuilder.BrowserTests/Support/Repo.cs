namespace EditionBuilder.BrowserTests.Support;

/// <summary>Paths of the repository the tests run in.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Screenshots => Path.Combine(Root, "artifacts", "screenshots");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EditionBuilder.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("the tests must run inside the repository");
    }
}
