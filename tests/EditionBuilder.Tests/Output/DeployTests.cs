using EditionBuilder.Diagnostics;
using EditionBuilder.Output;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Output;

/// <summary>Deploy swaps whole releases: readers never see half a site, a failed or killed deploy leaves the target as it was, rollback brings the last one back. Read through the library's typed results (<see cref="SiteDeployer.Result"/>, diagnostics); DeployCliTests holds the command's exit codes and lines.</summary>
public class DeployTests
{
    /// <summary><c>edition deploy</c>'s library step; fails the test when it is refused.</summary>
    internal static SiteDeployer.Result Deploy(string site, string target, bool keepExisting = false)
    {
        var diagnostics = new DiagnosticBag();
        var result = SiteDeployer.DeployVerified(site, target, diagnostics, new SiteDeployer.Options(keepExisting));
        Assert.True(result is not null, string.Join('\n', diagnostics.Items));
        return result;
    }

    /// <summary><c>edition rollback</c>'s library step; fails the test when it is refused.</summary>
    internal static SiteDeployer.Result Rollback(string target)
    {
        var diagnostics = new DiagnosticBag();
        var result = SiteDeployer.Rollback(target, diagnostics);
        Assert.True(result is not null, string.Join('\n', diagnostics.Items));
        return result;
    }

    [Fact]
    public void Given_two_releases_When_deployed_and_rolled_back_Then_the_target_serves_each_in_turn()
    {
        using var temp = new TempFolder();
        var first = SmallSites.Build(temp, "site1");
        var second = SmallSites.Build(temp, "site2", "فقرة جديدة.");
        var target = Path.Combine(temp.Path, "www");

        var one = Deploy(first, target);
        Assert.Null(one.Previous);
        Assert.False(one.Unchanged);
        Assert.Equal(Folders.Snapshot(first), Folders.Snapshot(target));
        var two = Deploy(second, target);
        Assert.Equal((one.Current, Folders.Snapshot(second).Count), (two.Previous, two.Files));
        Assert.Equal(Folders.Snapshot(second), Folders.Snapshot(target));

        var back = Rollback(target);
        Assert.Equal((one.Current, two.Current), (back.Current, back.Previous));
        Assert.Equal(one.Current, SiteDeployer.CurrentRelease(target));
        Assert.Equal(Folders.Snapshot(first), Folders.Snapshot(target));
    }

    [Fact]
    public void Given_a_plain_folder_as_target_When_deployed_with_keep_existing_Then_the_old_folder_is_kept_as_the_previous_release()
    {
        using var temp = new TempFolder();
        var site = SmallSites.Build(temp, "site1");
        var target = temp.File("www/index.html", "old site");

        Deploy(site, Path.GetDirectoryName(target)!, keepExisting: true);
        Rollback(Path.GetDirectoryName(target)!);

        Assert.Equal("old site", File.ReadAllText(target));
    }

    [Fact]
    public void Given_a_missing_or_unverified_site_When_deployed_Then_a_clear_error_and_the_target_is_untouched()
    {
        using var temp = new TempFolder();
        var good = SmallSites.Build(temp, "site1");
        var target = Path.Combine(temp.Path, "www");
        Deploy(good, target);
        var before = Folders.Snapshot(target);

        var nope = Path.Combine(temp.Path, "nope");
        var missing = new DiagnosticBag();
        Assert.Null(SiteDeployer.DeployVerified(nope, target, missing));
        var notASite = Assert.Single(missing.Items);
        Assert.Equal((DiagnosticCodes.NotABuiltSite, nope, Severity.Error), (notASite.Code, notASite.Path, notASite.Severity));

        var broken = SmallSites.Build(temp, "site3");
        File.Delete(Path.Combine(broken, "small", "02-alkhatma.html"));
        var unverified = new DiagnosticBag();
        Assert.Null(SiteDeployer.DeployVerified(broken, target, unverified));
        Assert.Contains(unverified.Items, d => d.Code == "EB0401" && d.Severity == Severity.Error && d.Path.StartsWith(broken, StringComparison.Ordinal));
        Assert.Equal(before, Folders.Snapshot(target));
    }

    [Fact]
    public void Given_a_folder_never_deployed_or_a_single_release_When_rolled_back_Then_one_coded_error_at_the_target_and_it_is_untouched()
    {
        using var temp = new TempFolder();
        temp.File("plain/index.html", "a folder edition deploy never touched");
        var plainBefore = Folders.Snapshot(Path.Combine(temp.Path, "plain"));

        var plainFolder = Path.Combine(temp.Path, "plain");
        var plain = new DiagnosticBag();

        Assert.Null(SiteDeployer.Rollback(plainFolder, plain));
        var never = Assert.Single(plain.Items);
        Assert.Equal((DiagnosticCodes.NotADeployTarget, plainFolder, Severity.Error), (never.Code, never.Path, never.Severity));
        Assert.Equal("not deployed by edition deploy (not a link to one of its releases); nothing to roll back", never.Message);
        Assert.Equal(plainBefore, Folders.Snapshot(Path.Combine(temp.Path, "plain")));
        Assert.False(Directory.Exists(Path.Combine(temp.Path, ".plain.releases")), "nothing is written beside it");

        var site = SmallSites.Build(temp, "site1");
        var www = Path.Combine(temp.Path, "www");
        var live = Deploy(site, www).Current;
        var before = Folders.Snapshot(www);
        var single = new DiagnosticBag();

        Assert.Null(SiteDeployer.Rollback(www, single));
        var none = Assert.Single(single.Items);
        Assert.Equal((DiagnosticCodes.NoPreviousRelease, www, Severity.Error), (none.Code, none.Path, none.Severity));
        Assert.Equal($"no previous release to roll back to; {live} stays live", none.Message);
        Assert.Equal(live, SiteDeployer.CurrentRelease(Path.Combine(temp.Path, "www")));
        Assert.Equal(before, Folders.Snapshot(Path.Combine(temp.Path, "www")));
    }

    [Fact]
    public void Given_a_deploy_killed_in_the_middle_of_its_copy_Then_the_target_is_exactly_the_previous_release()
    {
        using var temp = new TempFolder();
        var first = SmallSites.Build(temp, "site1");
        var second = SmallSites.Build(temp, "site2", "فقرة أخرى.");
        var target = Path.Combine(temp.Path, "www");
        Deploy(first, target);
        var before = Folders.Snapshot(target);
        var releases = SiteDeployer.ReleasesFolder(target);

        using var process = EditionProcess.Start(temp.Path, new Dictionary<string, string> { ["EDITION_TEST_SLOW_COPY_MS"] = "100" }, "deploy", second, target);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !Directory.EnumerateDirectories(releases, ".staging-*").Any(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories).Count() >= 3))
        {
            Thread.Sleep(20);
        }

        Assert.False(process.HasExited, "the deploy finished before it could be interrupted");
        process.Kill(entireProcessTree: true);
        process.WaitForExit();

        Assert.Equal(before, Folders.Snapshot(target));
        Assert.Single(Directory.EnumerateDirectories(releases), d => !Path.GetFileName(d).StartsWith('.'));
        Deploy(second, target);
        Assert.Equal(Folders.Snapshot(second), Folders.Snapshot(target));
    }

    [Fact]
    public void Given_deploy_A_then_B_then_B_again_When_rolled_back_Then_A_is_live()
    {
        using var temp = new TempFolder();
        var a = SmallSites.Build(temp, "site-a");
        var b = SmallSites.Build(temp, "site-b", "فقرة في الإصدار الثاني.");
        var target = Path.Combine(temp.Path, "www");

        Deploy(a, target);
        Deploy(b, target);
        var again = Deploy(b, target);

        Assert.True(again.Unchanged);
        Assert.Equal(SiteDeployer.CurrentRelease(target), again.Current);
        Rollback(target);
        Assert.Equal(Folders.Snapshot(a), Folders.Snapshot(target));

        // And forward again: the rolled-back release is now the previous one.
        Rollback(target);
        Assert.Equal(Folders.Snapshot(b), Folders.Snapshot(target));
    }

    [Fact]
    public void Given_a_state_file_naming_the_previous_release_When_deploys_follow_Then_it_is_never_pruned_and_only_unnamed_releases_go()
    {
        using var temp = new TempFolder();
        var target = Path.Combine(temp.Path, "www");
        var releases = SiteDeployer.ReleasesFolder(target);
        var sites = new[] { SmallSites.Build(temp, "s1"), SmallSites.Build(temp, "s2", "ثانية."), SmallSites.Build(temp, "s3", "ثالثة.") };

        foreach (var site in sites) Deploy(site, target);

        var state = SiteDeployer.ReadState(releases)!;
        Assert.Equal(SiteDeployer.CurrentRelease(target), state.Live);
        Assert.Null(state.Next);
        Assert.Equal(new[] { state.Live!, state.Previous! }.Order(StringComparer.Ordinal), Directory.GetDirectories(releases).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal));
        Assert.Equal(Folders.Snapshot(sites[1]), Folders.Snapshot(Path.Combine(releases, state.Previous!)));
    }

    [Fact]
    public void Given_leftovers_of_killed_deploys_When_the_next_deploy_runs_Then_they_are_removed()
    {
        using var temp = new TempFolder();
        var site = SmallSites.Build(temp, "site1");
        var target = Path.Combine(temp.Path, "www");
        Deploy(site, target);
        var releases = SiteDeployer.ReleasesFolder(target);
        var dead = DeadProcessId();
        temp.File($".www.releases/.staging-{dead}-0123/index.html", "half a release");
        temp.File($".www.releases/{OutputGuard.DeployMarker}.{dead}.0123.tmp", "live: rel");
        File.CreateSymbolicLink(Path.Combine(temp.Path, $".www.link-{dead}-0123"), ".www.releases/release-0000000000000000");
        File.CreateSymbolicLink(Path.Combine(releases, "release-kept-000000000000"), ".www.releases/release-0000000000000000");

        var second = SmallSites.Build(temp, "site2", "جديدة.");
        Deploy(second, target);

        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path, ".www.link-*"));
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(releases), p => !Path.GetFileName(p).StartsWith("release-", StringComparison.Ordinal) && Path.GetFileName(p) != OutputGuard.DeployMarker);
        Assert.All(Directory.EnumerateFileSystemEntries(releases, "release-*"), r => Assert.True(Directory.Exists(r) && new FileInfo(r).LinkTarget is null));
    }

    [Fact]
    public void Given_a_target_deployed_by_the_older_version_When_deployed_again_Then_its_previous_file_is_taken_over()
    {
        using var temp = new TempFolder();
        var a = SmallSites.Build(temp, "a");
        var b = SmallSites.Build(temp, "b", "ب.");
        var target = Path.Combine(temp.Path, "www");
        Deploy(a, target);
        Deploy(b, target);
        // The old layout: no state file, a "previous" file naming the previous release.
        var releases = SiteDeployer.ReleasesFolder(target);
        var previous = SiteDeployer.ReadState(releases)!.Previous!;
        File.Delete(Path.Combine(releases, OutputGuard.DeployMarker));
        File.WriteAllText(Path.Combine(releases, "previous"), previous + "\n");

        Rollback(target);

        Assert.Equal(Folders.Snapshot(a), Folders.Snapshot(target));
        Assert.False(File.Exists(Path.Combine(releases, "previous")));
    }

    /// <summary>The id of a process that has ended.</summary>
    internal static int DeadProcessId()
    {
        using var process = System.Diagnostics.Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
    }
}
