using EditionBuilder.Diagnostics;
using EditionBuilder.Package;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Package;

/// <summary><c>edition package</c> describes the edition the site was built from: a content folder whose articles are not the site's (the default ./content of another edition) is refused with EB0965, nothing written.</summary>
public class PackageContentTests
{
    // The small edition's site, and a content folder holding the same article under another folder name.
    private static (string Site, string Other) SiteAndOtherContent(TempFolder temp)
    {
        var site = SmallSites.Build(temp, "site");
        var other = Path.Combine(temp.Path, "content");
        SmallEdition.WriteTo(other);
        Directory.Move(Path.Combine(other, "small"), Path.Combine(other, "other"));
        return (site, other);
    }

    [Fact]
    public void Given_a_content_folder_of_another_edition_When_packaged_Then_EB0965_names_both_folders_and_no_package_is_written()
    {
        using var temp = new TempFolder();
        var (site, other) = SiteAndOtherContent(temp);
        var output = Path.Combine(temp.Path, "package");
        var diagnostics = new DiagnosticBag();

        var result = EditionPackager.Run(new PackageRequest(site, output, other), diagnostics);

        Assert.Null(result);
        var error = Assert.Single(diagnostics.Items, d => d.Severity == Severity.Error);
        Assert.Equal((DiagnosticCodes.PackageContentMismatch, site), (error.Code, error.Path));
        Assert.Contains($"the site {site} was not built from the content folder {other}", error.Message, StringComparison.Ordinal);
        Assert.Contains("no page for the content's article(s) other", error.Message, StringComparison.Ordinal);
        Assert.Contains("holds article(s) small that the content does not have", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("pass --content with the folder the site was built from", error.Message, StringComparison.Ordinal);
        Assert.False(Path.Exists(output));
    }

    [Fact]
    public void Given_the_content_the_site_was_built_from_When_packaged_Then_it_is_packaged()
    {
        using var temp = new TempFolder();
        var site = SmallSites.Build(temp, "site");

        var result = Packages.Run(site, Path.Combine(temp.Path, "package"), Path.Combine(temp.Path, "content-site"));

        Assert.StartsWith("small-", Path.GetFileName(result.BagFolder), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_no_content_option_and_a_default_content_of_another_edition_When_run_Then_exit_1_with_EB0965()
    {
        using var temp = new TempFolder();
        SiteAndOtherContent(temp);

        var result = Support.Cli.Run(temp.Path, "package", "site", "-o", "package");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("site: error EB0965: the site site was not built from the content folder content (", result.Errors, StringComparison.Ordinal);
        Assert.False(Path.Exists(Path.Combine(temp.Path, "package")));
    }
}
