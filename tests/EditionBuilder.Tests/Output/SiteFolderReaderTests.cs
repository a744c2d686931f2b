using System.Diagnostics;
using EditionBuilder.Diagnostics;
using EditionBuilder.Output;
using EditionBuilder.Package;
using EditionBuilder.Verify;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Output;

/// <summary>A site folder is read for verify, deploy and package without following a symbolic link and without ever opening a FIFO, device or socket: each is an error at its path, and deploy and package copy only regular files.</summary>
public class SiteFolderReaderTests
{
    private static string BuildSite(TempFolder temp)
    {
        SmallEdition.WriteTo(Path.Combine(temp.Path, "content"));
        var built = FolderBuilds.Run(Path.Combine(temp.Path, "content"), Path.Combine(temp.Path, "site"));
        Assert.True(built.Succeeded, built.Said);
        return Path.Combine(temp.Path, "site");
    }

    // What edition verify, deploy and package report of a site folder, each through its library step.
    private static IEnumerable<(string Command, bool Done, DiagnosticBag Diagnostics)> VerifyDeployPackage(TempFolder temp, string site)
    {
        var verify = new DiagnosticBag();
        SiteVerifier.Verify(SiteFolderReader.Read(site, verify), verify, site);
        yield return ("verify", !verify.HasErrors, verify);
        var deploy = new DiagnosticBag();
        yield return ("deploy", SiteDeployer.DeployVerified(site, Path.Combine(temp.Path, "www"), deploy) is not null, deploy);
        var package = new DiagnosticBag();
        yield return ("package", EditionPackager.Run(new PackageRequest(site, Path.Combine(temp.Path, "package"), Content: null), package) is not null, package);
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

        var diagnostics = new DiagnosticBag();

        SiteVerifier.Verify(SiteFolderReader.Read(site, diagnostics), diagnostics, site);

        Assert.Contains(diagnostics.Items, d => (d.Code, d.Path, d.Severity) == (DiagnosticCodes.SiteSpecialFile, Path.Combine(site, "dir\uFFFD"), Severity.Error)
            && d.Message.StartsWith("a name that is not UTF-8 text", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_a_site_with_a_FIFO_When_verified_deployed_or_packaged_Then_each_reports_it_at_its_path_and_none_hangs()
    {
        using var temp = new TempFolder();
        var site = BuildSite(temp);
        MakeFifo(Path.Combine(site, "small", "feed.xml"));
        var fifo = Path.Combine(site, "small", "feed.xml");

        var results = await Task.Run(() => VerifyDeployPackage(temp, site).ToList()).WaitAsync(TimeSpan.FromSeconds(60)); // a TimeoutException if one hangs

        Assert.Equal(["verify", "deploy", "package"], results.Select(r => r.Command));
        foreach (var (command, done, diagnostics) in results)
        {
            Assert.False(done, command);
            Assert.Contains(diagnostics.Items, d => (d.Code, d.Path) == (DiagnosticCodes.SiteSpecialFile, fifo) && d.Message.StartsWith("a FIFO (named pipe), not a regular file", StringComparison.Ordinal));
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

        foreach (var (command, done, diagnostics) in VerifyDeployPackage(temp, site).Skip(1))
        {
            Assert.False(done, command);
            var links = diagnostics.Items.Where(d => d.Code == DiagnosticCodes.SiteSymbolicLink).ToList();
            Assert.Contains(links, d => d.Path == Path.Combine(site, "small", "passwd.html") && d.Message.StartsWith($"a symbolic link (to {secret})", StringComparison.Ordinal));
            Assert.Contains(links, d => d.Path == Path.Combine(site, "outside") && d.Message.StartsWith($"a symbolic link (to {temp.Path})", StringComparison.Ordinal));
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
