using EditionBuilder.Search;
using Xunit;

namespace EditionBuilder.BrowserTests.Support;

/// <summary>The npm tools of tools/ (installed by `npm ci --prefix tools`): missing ones skip the test, except in CI where they fail it.</summary>
public static class Tools
{
    /// <summary>The pinned Pagefind in the repository's tools/node_modules, or null.</summary>
    public static PagefindTool? FindPagefind() => PagefindTool.Find(Path.Combine(Repo.Root, "tools"), Repo.Root, AppContext.BaseDirectory).Tool;

    /// <summary>The pinned Pagefind, or a skip (a failure in CI).</summary>
    public static PagefindTool RequirePagefind()
    {
        var lookup = PagefindTool.Find(Path.Combine(Repo.Root, "tools"), Repo.Root, AppContext.BaseDirectory);
        if (lookup.Tool is not null) return lookup.Tool;
        var message = $"{lookup.Problem} (run `npm ci --prefix tools`)";
        if (Programs.InCi) Assert.Fail(message + " (CI=true: a missing program fails the run)");
        Skip.If(true, message);
        throw new InvalidOperationException("unreachable");
    }
}
