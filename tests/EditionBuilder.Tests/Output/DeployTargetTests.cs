using System.Collections.Concurrent;
using EditionBuilder.Diagnostics;
using EditionBuilder.Output;
using EditionBuilder.Site;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Output;

/// <summary>Deploy never deletes what it did not write: a folder of the user's files is refused as a target (or kept whole, never pruned, when asked), and concurrent deploys and rollbacks take turns under one lock.</summary>
public class DeployTargetTests
{
    [Fact]
    public void Given_a_target_folder_holding_the_users_files_When_deployed_Then_it_is_refused_at_the_target_and_nothing_is_written()
    {
        using var temp = new TempFolder();
        var site = SmallSites.Build(temp, "siteA");
        temp.File("www/uploads/photo.jpg", "a");
        temp.File("www/notes.txt", "b");
        var www = Path.Combine(temp.Path, "www");
        var before = Folders.Snapshot(www);
        var diagnostics = new DiagnosticBag();

        var result = SiteDeployer.DeployVerified(site, www, diagnostics);

        Assert.Null(result);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal((DiagnosticCodes.DeployTargetHoldsFiles, www), (error.Code, error.Path));
        Assert.StartsWith($"{www} is a folder holding files edition deploy did not write (notes.txt, uploads); ", error.Message);
        Assert.Contains("--keep-existing", error.Message);
        Assert.Equal(before, Folders.Snapshot(Path.Combine(temp.Path, "www")));
        Assert.Equal(EditionBuilder.Files.FileType.Directory, EditionBuilder.Files.NativeFiles.Kind(Path.Combine(temp.Path, "www")));
        Assert.False(Path.Exists(SiteDeployer.ReleasesFolder(Path.Combine(temp.Path, "www"))), "nothing is written beside the target");
    }

    [Fact]
    public void Given_the_users_folder_kept_by_keep_existing_When_many_deploys_follow_Then_its_files_are_never_pruned()
    {
        using var temp = new TempFolder();
        var sites = new[] { SmallSites.Build(temp, "siteA"), SmallSites.Build(temp, "siteB", "ب."), SmallSites.Build(temp, "siteC", "ج.") };
        temp.File("www/uploads/photo.jpg", "a");
        var target = Path.Combine(temp.Path, "www");

        DeployTests.Deploy(sites[0], target, keepExisting: true);
        foreach (var site in sites.Concat(sites)) DeployTests.Deploy(site, target);

        var kept = Directory.GetDirectories(SiteDeployer.ReleasesFolder(target), SiteDeployer.KeptPrefix + "*");
        Assert.Equal("a", File.ReadAllText(Path.Combine(Assert.Single(kept), "uploads", "photo.jpg")));
        Assert.Equal(Folders.Snapshot(sites[2]), Folders.Snapshot(target));
    }

    [Fact]
    public void Given_an_empty_folder_or_a_deploy_link_When_deployed_Then_no_keep_existing_is_needed()
    {
        using var temp = new TempFolder();
        var site = SmallSites.Build(temp, "siteA");
        Directory.CreateDirectory(Path.Combine(temp.Path, "www"));

        DeployTests.Deploy(site, Path.Combine(temp.Path, "www"));
        DeployTests.Deploy(SmallSites.Build(temp, "siteB", "ب."), Path.Combine(temp.Path, "www"));
        Assert.NotNull(SiteDeployer.CurrentRelease(Path.Combine(temp.Path, "www")));
    }

    [Fact]
    public void Given_deploys_and_rollbacks_of_one_target_run_at_once_When_each_round_ends_Then_the_link_names_a_whole_release_and_a_rollback_works()
    {
        using var temp = new TempFolder();
        var folders = new[] { SmallSites.Build(temp, "siteA"), SmallSites.Build(temp, "siteB", "ب."), SmallSites.Build(temp, "siteC", "ج.") };
        var sites = folders.Select(f => SiteFolderReader.Read(f, new DiagnosticBag(), includeCompressed: true)).ToArray();
        var snapshots = folders.Select(Folders.Snapshot).ToArray();
        var target = Path.Combine(temp.Path, "www");
        Assert.NotNull(SiteDeployer.Deploy(sites[0], target, new DiagnosticBag()));
        var waits = new ConcurrentBag<string>();
        var failures = new ConcurrentBag<Exception>();

        for (var round = 0; round < 10; round++)
        {
            var runs = sites.Select<IReadOnlyList<SiteFile>, Action>(site => () => SiteDeployer.Deploy(site, target, new DiagnosticBag(), new SiteDeployer.Options(Waiting: waits.Add)))
                .Append(() => SiteDeployer.Rollback(target, new DiagnosticBag(), waits.Add))
                .Select(run => new Thread(() =>
                {
                    try { run(); }
                    catch (Exception e) { failures.Add(e); }
                }))
                .ToList();
            runs.ForEach(t => t.Start());
            runs.ForEach(t => t.Join());

            Assert.Empty(failures);
            var live = SiteDeployer.CurrentRelease(target);
            Assert.True(live is not null && Directory.Exists(Path.Combine(SiteDeployer.ReleasesFolder(target), live)), $"round {round}: the link names no release");
            var served = Folders.Snapshot(target);
            Assert.True(snapshots.Any(s => s.SequenceEqual(served)), $"round {round}: the target serves no whole site");
            Assert.Equal(live, SiteDeployer.ReadState(SiteDeployer.ReleasesFolder(target))!.Live);

            var rollback = new DiagnosticBag();
            Assert.True(SiteDeployer.Rollback(target, rollback) is not null, $"round {round}: " + string.Join("; ", rollback.Items));
            Assert.True(snapshots.Any(s => s.SequenceEqual(Folders.Snapshot(target))), $"round {round}: the rollback serves no whole site");
        }

        Assert.NotEmpty(waits);
        Assert.All(waits, w => Assert.Equal($"waiting for another deploy or rollback of {target} to finish…", w));
    }

    [Fact]
    public void Given_another_run_holds_the_target_When_edition_deploy_starts_Then_it_says_it_waits_and_finishes_after()
    {
        using var temp = new TempFolder();
        var a = SmallSites.Build(temp, "siteA");
        var b = SmallSites.Build(temp, "siteB", "ب.");
        var target = Path.Combine(temp.Path, "www");
        DeployTests.Deploy(a, target);

        using var process = DeployWhileLocked(temp, target, b, out var errors);

        Assert.Equal(0, process.ExitCode);
        Assert.Contains($"waiting for another deploy or rollback of www to finish…", errors);
        Assert.Equal(Folders.Snapshot(b), Folders.Snapshot(target));
    }

    // Holds the target's lock while a real edition process deploys, until that process says it waits (or 60 s pass).
    private static System.Diagnostics.Process DeployWhileLocked(TempFolder temp, string target, string site, out string errors)
    {
        var held = DeployLock.Take(SiteDeployer.ReleasesFolder(target), target, waiting: null);
        var process = EditionProcess.Start(temp.Path, null, "deploy", site, "www");
        var stderr = new System.Text.StringBuilder();
        var said = new ManualResetEventSlim();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (stderr) stderr.AppendLine(e.Data);
            if (e.Data.Contains("waiting for another deploy", StringComparison.Ordinal)) said.Set();
        };
        process.BeginErrorReadLine();
        _ = process.StandardOutput.ReadToEndAsync();
        var waited = said.Wait(TimeSpan.FromSeconds(60));
        Assert.False(process.HasExited && !waited, "the deploy ended without waiting for the lock");
        held.Dispose();
        process.WaitForExit();
        lock (stderr) errors = stderr.ToString();
        return process;
    }
}
