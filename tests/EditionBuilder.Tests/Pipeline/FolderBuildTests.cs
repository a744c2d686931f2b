using EditionBuilder.Cache;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Pipeline;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Pipeline;

/// <summary>edition build's work as a library step: a site folder replaced whole or not at all, the cache's spare reused, nothing left behind.</summary>
public class FolderBuildTests
{
    [Fact]
    public void Given_a_site_When_a_rebuild_fails_Then_the_last_good_site_is_untouched_and_no_staging_folder_is_left()
    {
        using var temp = new TempFolder();
        var contentFolder = Path.Combine(temp.Path, "content");
        SmallEdition.WriteTo(contentFolder);
        var site = Path.Combine(temp.Path, "site");
        var theme = SeedSite.Get().Templates;

        var first = Build(contentFolder, site, theme, cache: null);
        Assert.True(first.Succeeded);
        Assert.True(first.Files > 0);
        Assert.True(File.Exists(Path.Combine(site, "small", "index.html")));
        var before = Snapshot(site);

        var chapter = Path.Combine(contentFolder, "small", "ar", "02-alkhatma.md");
        File.WriteAllText(chapter, File.ReadAllText(chapter).Replace("خاتمة[^2].", "خاتمة[^2] وإحالة إلى ما لا وجود له[^99].", StringComparison.Ordinal));
        var diagnostics = new DiagnosticBag();
        var failed = Build(contentFolder, site, theme, cache: null, diagnostics);

        Assert.False(failed.Succeeded);
        Assert.True(diagnostics.HasErrors);
        Assert.Equal(before, Snapshot(site));
        Assert.Equal(["content", "site"], Directory.EnumerateFileSystemEntries(temp.Path).Select(e => Path.GetFileName(e)!).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Given_the_cache_When_built_again_unchanged_Then_every_file_is_kept_and_the_site_is_the_same()
    {
        using var temp = new TempFolder();
        var contentFolder = Path.Combine(temp.Path, "content");
        SmallEdition.WriteTo(contentFolder);
        var site = Path.Combine(temp.Path, "site");
        var theme = SeedSite.Get().Templates;
        var cacheFolder = FolderBuild.CacheFolder(Path.Combine(temp.Path, "cache"), site);

        var first = Build(contentFolder, site, theme, new BuildCache(cacheFolder, new DiagnosticBag()));
        var before = Snapshot(site);
        var second = Build(contentFolder, site, theme, new BuildCache(cacheFolder, new DiagnosticBag()));

        Assert.True(first.Succeeded && second.Succeeded);
        Assert.Equal(0, first.Linked);
        Assert.Equal(0, second.Build.ArticlesRendered);
        Assert.Equal(first.Files, second.Files);
        Assert.Equal(before, Snapshot(site));
    }

    private static FolderBuildReport Build(string contentFolder, string site, EditionBuilder.Themes.Theme theme, BuildCache? cache, DiagnosticBag? diagnostics = null)
    {
        diagnostics ??= new DiagnosticBag();
        var content = ContentFolder.Read(contentFolder, diagnostics, deferText: cache is not null, memo: cache)!;
        return FolderBuild.Run(content, theme, BuildOptions.Uncompressed with { Cache = cache }, site, cache, diagnostics);
    }

    private static string Snapshot(string folder) => string.Join("\n", Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal)
        .Select(f => $"{Path.GetRelativePath(folder, f)} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))}"));
}
