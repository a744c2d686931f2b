using EditionBuilder.Diagnostics;
using EditionBuilder.Output;
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
        SmallEdition.WriteTo(Path.Combine(temp.Path, "content"));
        var before = Folders.FullSnapshot(temp.Path);

        var run = Support.Cli.Run(temp.Path, "deploy", "content", "www");

        Assert.Equal(1, run.ExitCode);
        var first = run.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0];
        Assert.StartsWith("content: error EB0941: not a site built by edition build", first);
        Assert.Contains("it is a content folder: build it first ('edition build content -o artifacts/site')", first);
        Assert.Contains("deploy refused: www is untouched.", run.Errors);
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

        var run = Support.Cli.Run(temp.Path, "package", folder, "-o", "package", "--content", "content");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"{folder}: error EB0941: not a site built by edition build (it has no .edition-site, which every build writes last): {instead}", run.Errors.Split('\n')[0].TrimEnd('\r'));
        Assert.DoesNotContain("Exception", run.Errors);
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
