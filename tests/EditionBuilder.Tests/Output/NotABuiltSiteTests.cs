using EditionBuilder.Diagnostics;
using EditionBuilder.Output;
using EditionBuilder.Package;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Output;

/// <summary>Deploy and package take only a site a build finished: a content folder, a home folder or a copy without the build's marker is refused before anything is read or written.</summary>
public class NotABuiltSiteTests
{
    [Fact]
    public void Given_the_content_folder_as_the_site_When_deployed_Then_EB0941_says_to_build_it_first_and_nothing_is_written()
    {
        using var temp = new TempFolder();
        var content = Path.Combine(temp.Path, "content");
        SmallEdition.WriteTo(content);
        var before = Folders.FullSnapshot(temp.Path);
        var diagnostics = new DiagnosticBag();

        var result = SiteDeployer.DeployVerified(content, Path.Combine(temp.Path, "www"), diagnostics);

        Assert.Null(result);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal((DiagnosticCodes.NotABuiltSite, content), (error.Code, error.Path));
        Assert.StartsWith("not a site built by edition build", error.Message);
        Assert.Contains($"it is a content folder: build it first ('edition build {content} -o artifacts/site')", error.Message);
        Assert.Equal(before, Folders.FullSnapshot(temp.Path));
    }

    [Theory]
    [InlineData("home", "give edition package the folder 'edition build' wrote (artifacts/site, or the folder its -o named)")]
    [InlineData("content", "it is a content folder: build it first ('edition build content -o artifacts/site'), then give edition package the site folder")]
    public void Given_a_home_or_content_folder_as_the_site_When_packaged_Then_EB0941_says_what_to_give_and_no_package_is_written(string folder, string instead)
    {
        using var temp = new TempFolder();
        if (folder == "content") SmallEdition.WriteTo(Path.Combine(temp.Path, "content"));
        else
        {
            temp.File("home/notes.txt", "my notes");
            temp.File("home/www/index.html", "<!doctype html><html lang=\"en\" dir=\"ltr\"><title>t</title></html>");
        }

        var before = Folders.FullSnapshot(temp.Path);

        var site = Path.Combine(temp.Path, folder);
        var diagnostics = new DiagnosticBag();

        var result = EditionPackager.Run(new PackageRequest(site, Path.Combine(temp.Path, "package"), Path.Combine(temp.Path, "content")), diagnostics);

        Assert.Null(result);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal((DiagnosticCodes.NotABuiltSite, site), (error.Code, error.Path));
        Assert.Equal($"not a site built by edition build (it has no .edition-site, which every build writes last): {instead.Replace("edition build content", $"edition build {site}")}", error.Message);
        Assert.Equal(before, Folders.FullSnapshot(temp.Path));
    }

    [Fact]
    public void Given_a_built_site_without_its_marker_When_deployed_through_the_library_Then_null_with_one_EB0941_and_no_releases_folder()
    {
        using var temp = new TempFolder();
        var site = SmallSites.Build(temp, "site");
        var diagnostics = new DiagnosticBag();

        Assert.NotNull(SiteDeployer.DeployVerified(site, Path.Combine(temp.Path, "www"), diagnostics));
        File.Delete(Path.Combine(site, OutputGuard.SiteMarker));
        var refused = new DiagnosticBag();
        var result = SiteDeployer.DeployVerified(site, Path.Combine(temp.Path, "www2"), refused);

        Assert.Null(result);
        var error = Assert.Single(refused.Items);
        Assert.Equal((DiagnosticCodes.NotABuiltSite, site), (error.Code, error.Path));
        Assert.False(Path.Exists(Path.Combine(temp.Path, "www2")));
        Assert.False(Path.Exists(SiteDeployer.ReleasesFolder(Path.Combine(temp.Path, "www2"))));
    }
}
