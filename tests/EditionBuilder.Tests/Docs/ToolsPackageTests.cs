using System.Text.Json;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Docs;

/// <summary>tools/package.json decides every install script of the npm tools, so `./build.sh` never prints npm's warning that a script did not run without saying whether it matters.</summary>
public class ToolsPackageTests
{
    [Fact]
    public void Given_the_npm_tools_When_a_package_has_an_install_script_Then_package_json_allows_or_denies_it_by_name()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Root, "tools", "package.json")));
        using var lockFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Root, "tools", "package-lock.json")));
        var decided = manifest.RootElement.TryGetProperty("allowScripts", out var allow)
            ? allow.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal)
            : [];

        var withScripts = lockFile.RootElement.GetProperty("packages").EnumerateObject()
            .Where(p => p.Value.TryGetProperty("hasInstallScript", out var has) && has.GetBoolean())
            .Select(p => p.Name[(p.Name.LastIndexOf("node_modules/", StringComparison.Ordinal) + "node_modules/".Length)..])
            .ToList();

        Assert.Contains("vnu-jar", withScripts);
        Assert.All(withScripts, name => Assert.Contains(name, decided));
        // vnu-jar's script downloads a Java runtime: denied, since Debian's Java runs the jar.
        Assert.False(allow.GetProperty("vnu-jar").GetBoolean());
    }
}
