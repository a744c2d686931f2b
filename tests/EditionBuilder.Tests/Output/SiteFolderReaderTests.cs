using System.Diagnostics;
using EditionBuilder.Diagnostics;
using EditionBuilder.Output;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Output;

/// <summary>A site folder is read for verify, deploy and package without following a symbolic link and without ever opening a FIFO, device or socket: each is an error at its path, and deploy and package copy only regular files.</summary>
public class SiteFolderReaderTests
{
    private static string BuildSite(TempFolder temp)
    {
        SmallEdition.WriteTo(Path.Combine(temp.Path, "content"));
        var result = Support.Cli.Run(temp.Path, "build", "content", "-o", "site", "--no-cache");
        Assert.True(result.ExitCode == 0, result.Errors);
        return Path.Combine(temp.Path, "site");
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    [Fact]
    public void Given_a_site_with_a_folder_whose_name_is_not_text_When_verified_Then_it_is_an_error_at_its_path_not_a_crash()
    {
        // Found by an attack: `edition verify` failed as an internal failure (exit 3) on such a folder.
        using var temp = new TempFolder();
        var site = BuildSite(temp);
        FolderListingTests.MakeUnnamed(site, "mkdir \"$(printf 'dir\\377')\"; printf y > \"$(printf 'dir\\377')/evil.html\"");

        var result = Support.Cli.Run(temp.Path, "verify", "site");

        Assert.True(result.ExitCode == 1, result.Errors);
        Assert.Contains(Path.Combine("site", "dir\uFFFD") + ": error EB0902: a name that is not UTF-8 text", result.Errors);
    }

    [Fact]
    public async Task Given_a_site_with_a_FIFO_When_verified_deployed_or_packaged_Then_each_reports_it_at_its_path_and_none_hangs()
    {
        using var temp = new TempFolder();
        var site = BuildSite(temp);
        MakeFifo(Path.Combine(site, "small", "feed.xml"));
        var shown = Path.Combine("site", "small", "feed.xml");

        foreach (var args in new[] { new[] { "verify", "site" }, ["deploy", "site", "www"], ["package", "site", "-o", "package"] })
        {
            var result = await Task.Run(() => Support.Cli.Run(temp.Path, args)).WaitAsync(TimeSpan.FromSeconds(60)); // a TimeoutException if it hangs

            Assert.Equal(1, result.ExitCode);
            Assert.Contains($"{shown}: error EB0902: a FIFO (named pipe), not a regular file", result.Errors);
        }

        Assert.False(Path.Exists(Path.Combine(temp.Path, "www")));
        Assert.False(Path.Exists(Path.Combine(temp.Path, "package")));
    }

    [Fact]
    public void Given_a_site_with_a_link_to_a_secret_When_deployed_or_packaged_Then_refused_and_the_secret_is_nowhere()
    {
        using var temp = new TempFolder();
        var site = BuildSite(temp);
        var secret = temp.File("secret.txt", "the publisher's password");
        File.CreateSymbolicLink(Path.Combine(site, "small", "passwd.html"), secret);
        File.CreateSymbolicLink(Path.Combine(site, "outside"), temp.Path);

        var deploy = Support.Cli.Run(temp.Path, "deploy", "site", "www");
        var package = Support.Cli.Run(temp.Path, "package", "site", "-o", "package");

        foreach (var result in new[] { deploy, package })
        {
            Assert.Equal(1, result.ExitCode);
            Assert.Contains($"{Path.Combine("site", "small", "passwd.html")}: error EB0901: a symbolic link (to {secret})", result.Errors);
            Assert.Contains($"{Path.Combine("site", "outside")}: error EB0901: a symbolic link (to {temp.Path})", result.Errors);
        }

        Assert.False(Path.Exists(Path.Combine(temp.Path, "www")));
        Assert.False(Path.Exists(Path.Combine(temp.Path, "package")));
    }

    [Fact]
    public void Given_a_site_When_read_Then_only_its_regular_files_come_back_in_path_order_without_the_build_marker()
    {
        using var temp = new TempFolder();
        var site = BuildSite(temp);
        var diagnostics = new DiagnosticBag();

        var files = SiteFolderReader.Read(site, diagnostics, includeCompressed: true);

        Assert.False(diagnostics.HasErrors);
        Assert.DoesNotContain(files, f => f.Path == OutputGuard.SiteMarker);
        Assert.Equal(files.Select(f => f.Path).Order(StringComparer.Ordinal), files.Select(f => f.Path));
        Assert.Equal(Folders.Snapshot(site).Count, files.Count);
        Assert.Equal(File.ReadAllBytes(Path.Combine(site, "index.html")), files.Single(f => f.Path == "index.html").Bytes);
    }
}
