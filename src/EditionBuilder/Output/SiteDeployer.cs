using EditionBuilder.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using EditionBuilder.Files;
using EditionBuilder.Site;

namespace EditionBuilder.Output;

/// <summary>Publishes a site to a target atomically: each release is written whole into <c>.&lt;target&gt;.releases/</c> beside the target, and the target is a symbolic link switched to it in one step, so readers never see half a site; the previous release is kept for rollback.</summary>
/// <remarks>
/// The releases folder holds a state file (<see cref="OutputGuard.DeployMarker"/>) naming the live release, the previous one and,
/// during a switch, the next one. It is written (and flushed to disk) before every switch and settled after it, and the next deploy or
/// rollback starts by repairing it from where the link really points, so a kill at any step never makes a rollback go to the wrong
/// release. A release the state or the live link names is never pruned. Switching a link is one rename(2), atomic on every POSIX file
/// system. A folder of files this tool did not write is refused as a target, unless the user asks to keep it: then the first deploy
/// swaps that folder with the link in one renameat2(RENAME_EXCHANGE) and keeps it as a release that is never pruned. Every deploy
/// and rollback holds an exclusive lock on the releases folder (<see cref="DeployLock"/>), so concurrent runs take turns.
/// </remarks>
public static class SiteDeployer
{
    /// <summary>The outcome of a deploy or rollback: the release now live, the one kept for rollback, the number of files, and whether nothing had to change (the site was already live).</summary>
    public sealed record Result(string Current, string? Previous, int Files, bool Unchanged = false);

    /// <summary>Which releases the state file names: the live one, the previous one and, during a switch, the next.</summary>
    public sealed record State(string? Live, string? Previous, string? Next = null);

    /// <summary>How a deploy treats its target: whether a folder of the user's own files may become a kept release, and whom to tell when another run holds the target.</summary>
    public sealed record Options(bool KeepExisting = false, Action<string>? Waiting = null);

    /// <summary>The name prefix of a release made from the folder that stood at the target before the first deploy; such a release is never pruned.</summary>
    public const string KeptPrefix = "release-kept-";

    /// <summary>Milliseconds to pause after each copied file; only for the test that kills a deploy mid-copy.</summary>
    public static int SlowCopyForTests { get; set; } = int.TryParse(Environment.GetEnvironmentVariable("EDITION_TEST_SLOW_COPY_MS"), out var ms) ? ms : 0;

    public static string ReleasesFolder(string target)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.releases");
    }

    /// <summary>The release id of a site: its manifest's hash, so the same site is the same release.</summary>
    public static string ReleaseId(IReadOnlyList<SiteFile> site) =>
        "release-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(SiteManifest.Of(site))))[..16];

    /// <summary><c>edition deploy</c> from paths: checks the target may be written, reads a built site folder, verifies it, and deploys it; null (with the reasons in the bag) when it is not a site a build finished, does not verify, is empty, or the target holds files this tool did not write, and then the target is untouched.</summary>
    /// <exception cref="OutputRefusedException">The target is, holds or lies inside the site, the current folder or a repository, or is a symbolic link this tool did not make.</exception>
    public static Result? DeployVerified(string site, string target, DiagnosticBag diagnostics, Options? options = null)
    {
        OutputGuard.Ensure(OutputKind.Deploy, target, [new(site, "the site being deployed")], force: false);
        if (!SiteFolderReader.IsBuiltSite(site, "edition deploy", diagnostics)) return null;
        var files = SiteFolderReader.Read(site, diagnostics, includeCompressed: true);
        Verify.SiteVerifier.Verify(files, diagnostics, site);
        if (files.Count == 0) diagnostics.Error(DiagnosticCodes.ContentMissing, site, 0, 0, "the site folder is empty");
        return diagnostics.HasErrors ? null : Deploy(files, target, diagnostics, options);
    }

    /// <summary>Deploys a site, holding the target's lock throughout; null (with the reason in the bag, at the target) when the target is a folder of the user's own files and keeping it was not asked for.</summary>
    public static Result? Deploy(IReadOnlyList<SiteFile> site, string target, DiagnosticBag diagnostics, Options? options = null)
    {
        options ??= new Options();
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        if (!options.KeepExisting && ForeignFiles(full) is { Count: > 0 } foreign)
        {
            // Checked before anything is written beside it (again under the lock, below): a refused target gets no releases folder.
            RefuseForeign(target, foreign, diagnostics);
            return null;
        }

        var releases = ReleasesFolder(full);
        Directory.CreateDirectory(releases);
        using var held = DeployLock.Take(releases, target, options.Waiting);
        if (!options.KeepExisting && ForeignFiles(full) is { Count: > 0 } appeared)
        {
            RefuseForeign(target, appeared, diagnostics);
            return null;
        }

        var state = Repair(full);
        var id = ReleaseId(site);
        var live = CurrentRelease(full);
        if (live == id && Directory.Exists(Path.Combine(releases, id)))
        {
            // The site is already live: the previous release stays the previous one.
            return new Result(id, state.Previous, site.Count, Unchanged: true);
        }

        WriteRelease(site, releases, id);
        var kind = NativeFiles.Kind(full);
        if (kind == FileType.Directory && !Directory.EnumerateFileSystemEntries(full).Any())
        {
            Directory.Delete(full);
            kind = FileType.Missing;
        }

        if (kind == FileType.Directory)
        {
            var kept = KeepPlainFolder(full, releases, id, state);
            Settle(full, releases, new State(id, kept));
            return new Result(id, kept, site.Count);
        }

        // The new previous is what was live: the link's release, or (the link removed by hand) the release the state says was live.
        var previous = live ?? (state.Live is { } l && Directory.Exists(Path.Combine(releases, l)) ? l : state.Previous);
        WriteState(releases, new State(previous, state.Previous, id));
        CrashPoint.Reach("deploy-marker-written");
        PointTo(full, id);
        CrashPoint.Reach("deploy-swapped");
        var settled = new State(id, previous == id ? state.Previous : previous);
        Settle(full, releases, settled);
        return new Result(id, settled.Previous, site.Count);
    }

    /// <summary>Makes the previous release live again; the current one becomes the previous. Null (with the reason in the bag, at the target) when the target was not deployed by this tool or has no previous release; then it is untouched.</summary>
    public static Result? Rollback(string target, DiagnosticBag diagnostics, Action<string>? waiting = null)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        var releases = ReleasesFolder(full);
        using var held = NativeFiles.Kind(releases) == FileType.Directory ? DeployLock.Take(releases, target, waiting) : null;
        // Repaired first: a deploy killed mid-switch may have left the link to be made again.
        var state = held is not null ? Repair(full) : null;
        if (state is null || CurrentRelease(full) is not { } current)
        {
            diagnostics.Error(DiagnosticCodes.NotADeployTarget, target, 0, 0, "not deployed by edition deploy (not a link to one of its releases); nothing to roll back");
            return null;
        }

        var previous = state.Previous;
        if (string.IsNullOrEmpty(previous) || previous == current || !Directory.Exists(Path.Combine(releases, previous)))
        {
            diagnostics.Error(DiagnosticCodes.NoPreviousRelease, target, 0, 0, $"no previous release to roll back to; {current} stays live");
            return null;
        }

        WriteState(releases, new State(current, previous, previous));
        CrashPoint.Reach("deploy-marker-written");
        PointTo(full, previous);
        CrashPoint.Reach("deploy-swapped");
        WriteState(releases, new State(previous, current));
        CrashPoint.Reach("deploy-marker-settled");
        return new Result(previous, current, CountFiles(Path.Combine(releases, previous)));
    }

    /// <summary>The release the target links to now, or null when it is not a link this tool made.</summary>
    public static string? CurrentRelease(string target)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        if (NativeFiles.Kind(full) != FileType.SymbolicLink) return null;
        var link = new FileInfo(full).LinkTarget;
        var prefix = $".{Path.GetFileName(full)}.releases/";
        if (link is null || !link.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var id = link[prefix.Length..];
        return id.Length > 0 && !id.Contains('/') && !id.StartsWith('.') ? id : null;
    }

    /// <summary>Whether a path is a deploy target's link (to a release in its releases folder).</summary>
    public static bool IsDeployLink(string path) => CurrentRelease(path) is not null;

    /// <summary>The state file as last written; null when there is none (a target deployed before the state file existed keeps its old "previous" file, read here).</summary>
    public static State? ReadState(string releases)
    {
        var path = Path.Combine(releases, OutputGuard.DeployMarker);
        if (File.Exists(path))
        {
            var values = File.ReadAllLines(path)
                .Select(l => l.Split(':', 2))
                .Where(p => p.Length == 2)
                .ToDictionary(p => p[0].Trim(), p => p[1].Trim() is { Length: > 0 } v && v != "none" ? v : null, StringComparer.Ordinal);
            return new State(values.GetValueOrDefault("live"), values.GetValueOrDefault("previous"), values.GetValueOrDefault("next"));
        }

        var legacy = Path.Combine(releases, "previous");
        return File.Exists(legacy) ? new State(null, File.ReadAllText(legacy).Trim() is { Length: > 0 } p ? p : null) : null;
    }

    /// <summary>Brings the state file back in line with where the link really points after a killed run, and removes that run's leftovers; returns the repaired state.</summary>
    public static State Repair(string target)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        var releases = ReleasesFolder(full);
        CleanLeftovers(full, releases);
        var state = ReadState(releases) ?? new State(null, null);
        var live = CurrentRelease(full);
        var repaired = state;
        if (state.Next is { } next)
        {
            if (live == next) repaired = new State(next, state.Live == next ? state.Previous : state.Live); // switched, not yet settled
            else if (live is not null) repaired = new State(live, state.Previous);                          // killed before the switch
            else if (NativeFiles.Kind(full) == FileType.Missing && Exists(releases, state.Live))
            {
                // Killed between the two renames of a plain folder's first deploy (no RENAME_EXCHANGE): the folder is a release now.
                PointTo(full, state.Live!);
                repaired = new State(state.Live, state.Previous);
            }
            else repaired = new State(null, state.Previous);                                                // a plain folder still in place
        }
        else if (live is not null && live != state.Live)
        {
            // Switched by an older version (or by hand): the link is the truth.
            repaired = new State(live, state.Previous == live ? state.Live : state.Previous);
        }

        if (repaired != state || !File.Exists(Path.Combine(releases, OutputGuard.DeployMarker)))
        {
            if (Directory.Exists(releases)) WriteState(releases, repaired);
        }

        var legacy = Path.Combine(releases, "previous");
        if (File.Exists(legacy)) File.Delete(legacy);
        return repaired;
    }

    // The release's files written into a staging folder, which becomes the release by one rename (a killed copy is never a release).
    private static void WriteRelease(IReadOnlyList<SiteFile> site, string releases, string id)
    {
        var release = Path.Combine(releases, id);
        if (Directory.Exists(release)) return;
        var staging = Path.Combine(releases, $".staging-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(staging);
            foreach (var file in site)
            {
                AtomicFolder.WriteFile(staging, file.Path, file.Bytes);
                if (SlowCopyForTests > 0) Thread.Sleep(SlowCopyForTests);
            }

            CrashPoint.Reach("deploy-release-staged");
            var renamed = NativeFiles.RenameNew(staging, release);
            if (renamed == NativeFiles.EEXIST) AtomicFolder.TryDelete(staging); // another deploy of the same site named it first
            else if (renamed != 0) throw new IOException($"could not name the release {id} (errno {renamed})");
            CrashPoint.Reach("deploy-release-named");
        }
        catch
        {
            AtomicFolder.TryDelete(staging);
            throw;
        }
    }

    // The first deploy onto a plain folder: the folder and a link to the new release change places in one exchange, so the target is
    // at every instant the old folder or the link, and the folder ends up in the releases folder as the previous release.
    private static string KeepPlainFolder(string full, string releases, string id, State state)
    {
        var kept = KeptPrefix + Guid.NewGuid().ToString("N")[..12];
        var keptPath = Path.Combine(releases, kept);
        WriteState(releases, new State(kept, state.Previous, id));
        CrashPoint.Reach("deploy-marker-written");
        if (!AtomicFolder.NoExchangeForTests)
        {
            File.CreateSymbolicLink(keptPath, LinkText(full, id));
            CrashPoint.Reach("deploy-link-made");
            var exchanged = NativeFiles.Exchange(keptPath, full);
            if (exchanged == 0)
            {
                CrashPoint.Reach("deploy-swapped");
                return kept;
            }

            File.Delete(keptPath);
            if (exchanged is not (NativeFiles.EINVAL or NativeFiles.ENOSYS or NativeFiles.EOPNOTSUPP)) throw new IOException($"could not swap {full} for its link (errno {exchanged})");
        }

        // No exchange here: the folder is renamed into the releases (the state already names it live), then the link made;
        // Repair points the target at the kept folder if a kill comes in between.
        var moved = NativeFiles.RenameNew(full, keptPath);
        if (moved != 0) throw new IOException($"could not keep {full} as a release (errno {moved}); it is untouched");
        CrashPoint.Reach("deploy-plain-folder-kept");
        PointTo(full, id);
        CrashPoint.Reach("deploy-swapped");
        return kept;
    }

    // Writes the settled state, then prunes every release it does not name, except the one the link points to (the two agree under
    // the lock; the link is checked as well, so no release a reader is served from is ever removed) and kept folders of the user.
    private static void Settle(string full, string releases, State state)
    {
        WriteState(releases, state);
        CrashPoint.Reach("deploy-marker-settled");
        var linked = CurrentRelease(full);
        foreach (var folder in Directory.EnumerateFileSystemEntries(releases, "release-*"))
        {
            var name = Path.GetFileName(folder);
            if (name == state.Live || name == state.Previous || name == state.Next || name == linked) continue;
            if (name.StartsWith(KeptPrefix, StringComparison.Ordinal) && NativeFiles.Kind(folder) == FileType.Directory) continue;
            AtomicFolder.TryDelete(folder);
        }
    }

    // One rename(2) replaces the old link with the new: at every instant the target is a whole release.
    private static void PointTo(string full, string releaseId)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.link-{Environment.ProcessId}-{Guid.NewGuid():N}");
        File.CreateSymbolicLink(temporary, LinkText(full, releaseId));
        CrashPoint.Reach("deploy-link-made");
        var error = NativeFiles.Kind(full) == FileType.Missing ? NativeFiles.RenameNew(temporary, full) : NativeFiles.Replace(temporary, full);
        if (error != 0)
        {
            File.Delete(temporary);
            throw new IOException($"could not switch {full} to {releaseId} (errno {error})");
        }
    }

    private static string LinkText(string full, string releaseId) => $".{Path.GetFileName(full)}.releases/{releaseId}";

    // The state written whole beside its final name and renamed over it (flushed first, so it survives a power cut too); the
    // releases folder is the tool's own, so anything but a file where the state goes is replaced, never written through.
    private static void WriteState(string releases, State state)
    {
        var text = $"live: {state.Live ?? "none"}\nprevious: {state.Previous ?? "none"}\n" + (state.Next is null ? string.Empty : $"next: {state.Next}\n");
        AtomicFile.Write(Path.Combine(releases, OutputGuard.DeployMarker), Encoding.UTF8.GetBytes(text), AtomicFile.NotAFile.Replace);
    }

    // What killed runs leave: staging folders and links never exchanged in the releases folder, state temporaries, link temporaries beside the target.
    private static void CleanLeftovers(string full, string releases)
    {
        var parent = Path.GetDirectoryName(full)!;
        if (Directory.Exists(parent))
        {
            foreach (var link in Directory.EnumerateFileSystemEntries(parent, $".{Path.GetFileName(full)}.link-*"))
            {
                if (NativeFiles.Kind(link) == FileType.SymbolicLink && IsDead(Path.GetFileName(link), $".{Path.GetFileName(full)}.link-")) File.Delete(link);
            }
        }

        if (!Directory.Exists(releases)) return;
        foreach (var entry in Directory.EnumerateFileSystemEntries(releases))
        {
            var name = Path.GetFileName(entry);
            if (name.StartsWith(".staging-", StringComparison.Ordinal) && IsDead(name, ".staging-")) AtomicFolder.TryDelete(entry);
            else if (name.StartsWith(OutputGuard.DeployMarker + ".", StringComparison.Ordinal) && AtomicFile.IsLeftover(entry)) File.Delete(entry);
            else if (name.StartsWith("release-", StringComparison.Ordinal) && NativeFiles.Kind(entry) == FileType.SymbolicLink) File.Delete(entry); // a plain folder's link, never exchanged
        }
    }

    // A leftover "<prefix><pid>-…" of a process no longer running.
    private static bool IsDead(string name, string prefix)
    {
        var rest = name[prefix.Length..];
        var end = rest.IndexOf('-');
        return end > 0 && int.TryParse(rest[..end], out var pid) && (pid == Environment.ProcessId || !NativeFiles.IsRunning(pid));
    }

    // The entries of a target that is a folder holding something (a link or a missing or empty folder holds nothing of the user's), sorted.
    private static List<string> ForeignFiles(string full)
    {
        if (NativeFiles.Kind(full) != FileType.Directory) return [];
        return Directory.EnumerateFileSystemEntries(full).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
    }

    private static void RefuseForeign(string target, List<string> entries, DiagnosticBag diagnostics)
    {
        var shown = string.Join(", ", entries.Take(3)) + (entries.Count > 3 ? $" and {entries.Count - 3} more" : string.Empty);
        diagnostics.Error(DiagnosticCodes.DeployTargetHoldsFiles, target, 0, 0,
            $"{target} is a folder holding files edition deploy did not write ({shown}); a deploy turns the target into a link to the release, "
            + "so it would no longer serve them: deploy to a new or empty folder, move those files out of it, or run again with --keep-existing "
            + "to keep the folder whole as a release that is never pruned (edition rollback returns to it)");
    }

    private static bool Exists(string releases, string? release) => release is not null && Directory.Exists(Path.Combine(releases, release));

    private static int CountFiles(string folder) => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count();
}
