using EditionBuilder.Output;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Output;

/// <summary>Fault injection: the real <c>edition</c> process is killed with SIGKILL at each rename, link and state-file step of a build's swap, a deploy and a rollback (EDITION_TEST_CRASH_AT). The target then holds the old or the new site, never none (except in the documented window of a file system without RENAME_EXCHANGE), and the next run cleans up, succeeds, and rolls back to the right release.</summary>
public class CrashTests
{
    private const int KilledExitCode = 128 + 9;

    public static TheoryData<string> SwapSteps => ["swap-ready", "swap-exchanged"];

    public static TheoryData<string> DeploySteps => ["deploy-release-staged", "deploy-release-named", "deploy-marker-written", "deploy-link-made", "deploy-swapped", "deploy-marker-settled"];

    public static TheoryData<string> RollbackSteps => ["deploy-marker-written", "deploy-link-made", "deploy-swapped", "deploy-marker-settled"];

    private static Dictionary<string, string> Crash(string step, bool noExchange = false) =>
        noExchange ? new() { ["EDITION_TEST_CRASH_AT"] = step, ["EDITION_TEST_NO_EXCHANGE"] = "1" } : new() { ["EDITION_TEST_CRASH_AT"] = step };

    private static void AssertKilled((int Exit, string Output, string Errors) run, string step) =>
        Assert.True(run.Exit == KilledExitCode, $"expected the process killed at {step}, got exit {run.Exit}: {run.Errors}");

    // An old and a new version of the content, each built once into a reference folder.
    private static (string Old, string New) TwoEditions(TempFolder temp)
    {
        SmallEdition.WriteTo(Path.Combine(temp.Path, "content"));
        Assert.Equal(0, Support.Cli.Run(temp.Path, "build", "content", "-o", "old", "--no-cache").ExitCode);
        File.AppendAllText(Path.Combine(temp.Path, "content", "small", "ar", "02-alkhatma.md"), "\nفقرة أضيفت في الطبعة الجديدة.\n");
        Assert.Equal(0, Support.Cli.Run(temp.Path, "build", "content", "-o", "new", "--no-cache").ExitCode);
        return (Path.Combine(temp.Path, "old"), Path.Combine(temp.Path, "new"));
    }

    private static void AssertNoLeftovers(string parent, string name) =>
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(parent, $".{name}.*"), p => !p.EndsWith(".releases", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(SwapSteps))]
    public void Given_a_build_killed_at_a_swap_step_Then_the_site_is_the_old_or_the_new_and_the_next_build_succeeds(string step)
    {
        using var temp = new TempFolder();
        var (old, fresh) = TwoEditions(temp);
        Folders.Copy(old, Path.Combine(temp.Path, "site"));
        var site = Path.Combine(temp.Path, "site");

        var run = EditionProcess.Run(temp.Path, Crash(step), "build", "content", "-o", "site");

        AssertKilled(run, step);
        var after = Folders.Snapshot(site);
        Assert.True(after.SequenceEqual(Folders.Snapshot(old)) || after.SequenceEqual(Folders.Snapshot(fresh)), $"after a kill at {step} the site is neither the old nor the new one");
        var next = Support.Cli.Run(temp.Path, "build", "content", "-o", "site");
        Assert.True(next.ExitCode == 0, next.Errors);
        Assert.Equal(Folders.Snapshot(fresh), Folders.Snapshot(site));
        AssertNoLeftovers(temp.Path, "site");
    }

    [Fact]
    public void Given_no_RENAME_EXCHANGE_and_a_build_killed_between_its_two_renames_Then_the_next_run_puts_the_old_site_back_first()
    {
        using var temp = new TempFolder();
        var (old, fresh) = TwoEditions(temp);
        Folders.Copy(old, Path.Combine(temp.Path, "site"));
        var site = Path.Combine(temp.Path, "site");

        var ready = EditionProcess.Run(temp.Path, Crash("swap-ready", noExchange: true), "build", "content", "-o", "site");
        AssertKilled(ready, "swap-ready");
        Assert.Equal(Folders.Snapshot(old), Folders.Snapshot(site));

        var aside = EditionProcess.Run(temp.Path, Crash("swap-moved-aside", noExchange: true), "build", "content", "-o", "site");
        AssertKilled(aside, "swap-moved-aside");
        // The documented window of the fallback: the old site is aside, under a name the next run knows.
        Assert.False(Path.Exists(site));
        Assert.Single(Directory.EnumerateDirectories(temp.Path, ".site.old-*"));

        // A next run that fails still puts the old site back before anything else, and leaves it there.
        File.AppendAllText(Path.Combine(temp.Path, "content", "small", "ar", "02-alkhatma.md"), "\nإحالة بلا ملاحظة[^9].\n");
        var failed = FolderBuilds.Run(Path.Combine(temp.Path, "content"), site, cache: Path.Combine(temp.Path, "artifacts", ".cache"));
        Assert.False(failed.Succeeded);
        Assert.Contains(failed.Report.Cleaned, line => line.Contains("put back", StringComparison.Ordinal));
        Assert.Equal(Folders.Snapshot(old), Folders.Snapshot(site));
        AssertNoLeftovers(temp.Path, "site");
        _ = fresh;
    }

    [Theory]
    [MemberData(nameof(DeploySteps))]
    public void Given_a_deploy_killed_at_a_step_Then_the_target_is_the_old_or_the_new_release_and_rollback_and_the_next_deploy_are_right(string step)
    {
        using var temp = new TempFolder();
        var (a, b) = TwoEditions(temp);
        var c = Path.Combine(temp.Path, "c");
        Folders.Copy(a, c);
        File.WriteAllText(Path.Combine(c, "robots.txt"), "User-agent: *\nDisallow:\n");
        var target = Path.Combine(temp.Path, "www");
        Assert.Equal(0, Support.Cli.Run(temp.Path, "deploy", a, target).ExitCode);
        Assert.Equal(0, Support.Cli.Run(temp.Path, "deploy", c, target).ExitCode);

        var run = EditionProcess.Run(temp.Path, Crash(step), "deploy", b, target);

        AssertKilled(run, step);
        var after = Folders.Snapshot(target);
        var switched = after.SequenceEqual(Folders.Snapshot(b));
        Assert.True(switched || after.SequenceEqual(Folders.Snapshot(c)), $"after a kill at {step} the target is neither the old nor the new release");

        // Rollback goes to the release before the live one: C when B went live, else A.
        var rollback = Support.Cli.Run(temp.Path, "rollback", target);
        Assert.True(rollback.ExitCode == 0, rollback.Errors);
        Assert.Equal(Folders.Snapshot(switched ? c : a), Folders.Snapshot(target));

        var next = Support.Cli.Run(temp.Path, "deploy", b, target);
        Assert.True(next.ExitCode == 0, next.Errors);
        Assert.Equal(Folders.Snapshot(b), Folders.Snapshot(target));
        AssertNoLeftovers(temp.Path, "www");
        var releases = SiteDeployer.ReleasesFolder(target);
        Assert.All(Directory.EnumerateFileSystemEntries(releases), e => Assert.True(
            Path.GetFileName(e) == OutputGuard.DeployMarker || Path.GetFileName(e).StartsWith("release-", StringComparison.Ordinal) && Directory.Exists(e) && new FileInfo(e).LinkTarget is null,
            $"leftover {e}"));
        Assert.Null(SiteDeployer.ReadState(releases)!.Next);
    }

    [Theory]
    [MemberData(nameof(RollbackSteps))]
    public void Given_a_rollback_killed_at_a_step_Then_the_target_is_one_of_the_two_releases_and_the_next_rollback_goes_to_the_other(string step)
    {
        using var temp = new TempFolder();
        var (a, b) = TwoEditions(temp);
        var target = Path.Combine(temp.Path, "www");
        Assert.Equal(0, Support.Cli.Run(temp.Path, "deploy", a, target).ExitCode);
        Assert.Equal(0, Support.Cli.Run(temp.Path, "deploy", b, target).ExitCode);

        var run = EditionProcess.Run(temp.Path, Crash(step), "rollback", target);

        AssertKilled(run, step);
        var after = Folders.Snapshot(target);
        var rolledBack = after.SequenceEqual(Folders.Snapshot(a));
        Assert.True(rolledBack || after.SequenceEqual(Folders.Snapshot(b)), $"after a kill at {step} the target is neither release");
        var next = Support.Cli.Run(temp.Path, "rollback", target);
        Assert.True(next.ExitCode == 0, next.Errors);
        Assert.Equal(Folders.Snapshot(rolledBack ? b : a), Folders.Snapshot(target));
        AssertNoLeftovers(temp.Path, "www");
    }

    [Theory]
    [InlineData("deploy-marker-written", false)]
    [InlineData("deploy-link-made", false)]
    [InlineData("deploy-swapped", false)]
    [InlineData("deploy-marker-settled", false)]
    [InlineData("deploy-plain-folder-kept", true)]
    [InlineData("deploy-link-made", true)]
    public void Given_a_first_deploy_onto_a_plain_folder_killed_at_a_step_Then_that_folder_is_never_lost(string step, bool noExchange)
    {
        using var temp = new TempFolder();
        var (_, b) = TwoEditions(temp);
        var target = Path.Combine(temp.Path, "www");
        temp.File("www/index.html", "the site before EditionBuilder");
        temp.File("www/images/logo.png", "png bytes");
        var plain = Folders.Snapshot(target);

        var run = EditionProcess.Run(temp.Path, Crash(step, noExchange), "deploy", "--keep-existing", b, target);

        AssertKilled(run, step);
        if (Path.Exists(target))
        {
            var after = Folders.Snapshot(target);
            Assert.True(after.SequenceEqual(plain) || after.SequenceEqual(Folders.Snapshot(b)), $"after a kill at {step} the target is neither the plain folder nor the new release");
        }
        else
        {
            // Only without RENAME_EXCHANGE, between its two renames: the folder is already a release the state file names.
            Assert.True(noExchange, $"the target vanished after a kill at {step}");
        }

        var next = Support.Cli.Run(temp.Path, "deploy", "--keep-existing", b, target);
        Assert.True(next.ExitCode == 0, next.Errors);
        Assert.Equal(Folders.Snapshot(b), Folders.Snapshot(target));
        var rollback = Support.Cli.Run(temp.Path, "rollback", target);
        Assert.True(rollback.ExitCode == 0, rollback.Errors);
        Assert.Equal(plain, Folders.Snapshot(target));
        AssertNoLeftovers(temp.Path, "www");
    }
}
