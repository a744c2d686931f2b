using EditionBuilder.Search;
using Xunit;

namespace EditionBuilder.Tests.Support;

/// <summary>The npm tools of tools/ (`npm ci --prefix tools`): a test that needs a missing one is skipped, except in CI (CI=true) where it fails.</summary>
public static class Tools
{
    public static string Folder => Path.Combine(Repo.Root, "tools");

    /// <summary>The pinned Pagefind, or a skip (a failure in CI).</summary>
    public static PagefindTool RequirePagefind()
    {
        var lookup = PagefindTool.Find(Folder, Repo.Root, AppContext.BaseDirectory);
        if (lookup.Tool is not null) return lookup.Tool;
        var message = $"{lookup.Problem} (run `npm ci --prefix tools`)";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) Assert.Fail(message + " (CI=true: a missing program fails the run)");
        Skip.If(true, message);
        throw new InvalidOperationException("unreachable");
    }
}
