using System.Security.Cryptography;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Package;

/// <summary>Archivists rebuild byte for byte: the same content in other folders, time zones and locales gives the same site (its search index included) and package.</summary>
public class ReproducibleBuildTests
{
    [Fact]
    public void Given_the_seed_When_built_and_packaged_in_two_folders_time_zones_and_locales_Then_every_file_has_the_same_SHA256()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        var beirut = new Dictionary<string, string> { ["TZ"] = "Asia/Beirut", ["LANG"] = "ar_LB.UTF-8", ["LC_ALL"] = "ar_LB.UTF-8", ["SOURCE_DATE_EPOCH"] = "1480000000" };
        var utc = new Dictionary<string, string> { ["TZ"] = "UTC", ["LANG"] = "C.UTF-8", ["LC_ALL"] = "C.UTF-8", ["SOURCE_DATE_EPOCH"] = "1480000000" };

        var a = BuildAndPackage(first.Path, beirut);
        var b = BuildAndPackage(second.Path, utc);

        // Locale variables reach no formatting: the CLI runs with invariant globalization, which this holds.
        using var runtime = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(EditionProcess.Dll, ".runtimeconfig.json")));
        Assert.True(runtime.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty("System.Globalization.Invariant").GetBoolean());
        Assert.True(a.Count > 60, $"only {a.Count} files");
        Assert.Equal(a, b);
        Assert.Contains(a.Keys, k => k.EndsWith(".zip", StringComparison.Ordinal));
        Assert.Contains(a.Keys, k => k.EndsWith(".epub", StringComparison.Ordinal));
        Assert.Contains(a.Keys, k => k.EndsWith("russian-iranian-partnership.xml", StringComparison.Ordinal));
        // The search index is part of the site (the edition's own, the default): the same bytes too.
        Assert.Contains(a.Keys, k => k.EndsWith(Path.Combine("search", "index.js"), StringComparison.Ordinal));
        Assert.True(a.Keys.Count(k => k.Contains(Path.Combine("search", "f"), StringComparison.Ordinal)) >= 12);
    }

    private static SortedDictionary<string, string> BuildAndPackage(string folder, Dictionary<string, string> environment)
    {
        Folders.Copy(Repo.ContentFolder, Path.Combine(folder, "content"));
        var build = EditionProcess.Run(folder, environment, "build", "content", "-o", "artifacts/site");
        Assert.True(build.Exit == 0, build.Errors);
        var package = EditionProcess.Run(folder, environment, "package", "artifacts/site", "-o", "artifacts/package", "--content", "content");
        Assert.True(package.Exit == 0, package.Errors);

        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var artifacts = Path.Combine(folder, "artifacts");
        foreach (var file in new[] { "site", "package" }.SelectMany(d => Directory.EnumerateFiles(Path.Combine(artifacts, d), "*", SearchOption.AllDirectories)))
        {
            hashes[Path.GetRelativePath(artifacts, file)] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        }

        return hashes;
    }
}
