using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Cli;

/// <summary><c>edition package</c> and <c>edition verify-package</c> as a user runs them: the exit codes and the lines printed; what a package holds is BagItPackageTests' and BagVerifierTests', on the library.</summary>
public class PackageCliTests
{
    [Fact]
    public void Given_a_built_site_When_packaged_and_verified_and_then_altered_Then_exit_0_0_1_with_one_line_each_and_one_per_problem()
    {
        using var temp = new TempFolder();
        SmallEdition.WriteTo(Path.Combine(temp.Path, "content"));
        Assert.True(FolderBuilds.Run(Path.Combine(temp.Path, "content"), Path.Combine(temp.Path, "site")).Succeeded);

        var package = Support.Cli.Run(temp.Path, "package", "site", "-o", "package", "--content", "content");
        var verified = Support.Cli.Run(temp.Path, "verify-package", Path.Combine("package", "small-1.zip"));
        File.Delete(Path.Combine(temp.Path, "package", "small-1", "data", "robots.txt"));
        var altered = Support.Cli.Run(temp.Path, "verify-package", Path.Combine("package", "small-1"));

        Assert.Equal((0, 0, 1), (package.ExitCode, verified.ExitCode, altered.ExitCode));
        Assert.Matches(@"^packaged \d+ files of site as a BagIt bag package/small-1 and package/small-1\.zip \(\d+ KiB\)\n$", package.Output.ReplaceLineEndings("\n"));
        Assert.Matches(@"^verified package/small-1\.zip: \d+ payload files \(\d+ bytes\) match their SHA-256 manifest\n$", verified.Output.ReplaceLineEndings("\n"));
        Assert.Equal(
            ["package/small-1: error EB0910: missing data/robots.txt: listed in the manifest but absent", "1 problem(s): the bag is not intact."],
            altered.Errors.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(altered.Output);
    }

    [Fact]
    public void Given_a_site_or_bag_that_does_not_exist_Then_exit_2_naming_it()
    {
        using var temp = new TempFolder();

        var package = Support.Cli.Run(temp.Path, "package", "nope", "-o", "package");
        var verify = Support.Cli.Run(temp.Path, "verify-package", "nope.zip");

        Assert.Equal((2, 2), (package.ExitCode, verify.ExitCode));
        Assert.StartsWith("edition: nope: no such folder\n", package.Errors.ReplaceLineEndings("\n"));
        Assert.StartsWith("edition: nope.zip: no such bag folder or zip\n", verify.Errors.ReplaceLineEndings("\n"));
        Assert.False(Path.Exists(Path.Combine(temp.Path, "package")));
    }
}
