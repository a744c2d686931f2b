using EditionBuilder.Output;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Cli;

/// <summary><c>edition deploy</c> and <c>edition rollback</c> as a user runs them: the exit codes and the lines printed; what a deploy does is DeployTests', on the library.</summary>
public class DeployCliTests
{
    [Fact]
    public void Given_two_sites_When_deployed_again_and_rolled_back_Then_exit_0_and_each_says_what_is_live_and_what_is_kept()
    {
        using var temp = new TempFolder();
        var first = SmallSites.Build(temp, "site1");
        var second = SmallSites.Build(temp, "site2", "فقرة جديدة.");

        var one = Support.Cli.Run(temp.Path, "deploy", first, "www");
        var two = Support.Cli.Run(temp.Path, "deploy", second, "www");
        var again = Support.Cli.Run(temp.Path, "deploy", second, "www");
        var back = Support.Cli.Run(temp.Path, "rollback", "www");

        Assert.Equal((0, 0, 0, 0), (one.ExitCode, two.ExitCode, again.ExitCode, back.ExitCode));
        var live = SiteDeployer.CurrentRelease(Path.Combine(temp.Path, "www"));
        Assert.Matches(@"^deployed \d+ files to www \(release-[0-9a-f]{16}\); no previous release yet \(the next deploy keeps this one for edition rollback\)\n$", one.Output.ReplaceLineEndings("\n"));
        Assert.EndsWith($"previous release: {live} (edition rollback www)\n", two.Output.ReplaceLineEndings("\n"));
        Assert.StartsWith("www already serves this site (", again.Output);
        Assert.Matches($@"^rolled www back to {live}; release-[0-9a-f]{{16}} is kept as the previous release\n$", back.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Given_a_missing_site_an_unverified_one_a_target_never_deployed_or_holding_the_users_files_Then_exit_2_or_1_with_the_refusal_line_last()
    {
        using var temp = new TempFolder();
        var broken = SmallSites.Build(temp, "site");
        File.Delete(Path.Combine(broken, "small", "02-alkhatma.html"));
        temp.File("plain/index.html", "a folder edition deploy never touched");
        temp.File("mine/notes.txt", "the user's own files");

        var missing = Support.Cli.Run(temp.Path, "deploy", "nope", "www");
        var unverified = Support.Cli.Run(temp.Path, "deploy", "site", "www");
        var rollback = Support.Cli.Run(temp.Path, "rollback", "plain");
        var foreign = Support.Cli.Run(temp.Path, "deploy", SmallSites.Build(temp, "good"), "mine");

        Assert.Equal((2, 1, 1, 1), (missing.ExitCode, unverified.ExitCode, rollback.ExitCode, foreign.ExitCode));
        var refused = foreign.Errors.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("mine: error EB0930: mine is a folder holding files edition deploy did not write (notes.txt); ", refused[0]);
        Assert.Equal("deploy refused: mine is untouched.", refused[^1]);
        Assert.StartsWith("edition: nope: no such site folder\n", missing.Errors.ReplaceLineEndings("\n"));
        var lines = unverified.Errors.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("site/", StringComparison.Ordinal) && l.Contains(": error EB0401: ", StringComparison.Ordinal));
        Assert.Equal("deploy refused: site does not verify; www is untouched.", lines[^1]);
        Assert.Equal(
            ["plain: error EB0920: not deployed by edition deploy (not a link to one of its releases); nothing to roll back", "1 error(s), 0 warning(s); nothing was written.", "rollback refused: plain is untouched."],
            rollback.Errors.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(missing.Output + unverified.Output + rollback.Output + foreign.Output);
    }
}
