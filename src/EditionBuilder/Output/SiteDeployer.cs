using System.Runtime.InteropServices;
using System.Security.Cryptography;
using EditionBuilder.Package;
using EditionBuilder.Render;
using EditionBuilder.Site;

namespace EditionBuilder.Output;

/// <summary>Publishes a site to a target folder atomically: each release is written beside the target, then a symbolic link is swapped in with one rename, so readers never see half a site; the previous release is kept for rollback.</summary>
public static partial class SiteDeployer
{
    /// <summary>The outcome of a deploy or rollback: the release now live and the one kept.</summary>
    public sealed record Result(string Current, string? Previous, int Files);

    /// <summary>Milliseconds to pause after each copied file; only for the test that kills a deploy mid-copy.</summary>
    public static int SlowCopyForTests { get; set; } = int.TryParse(Environment.GetEnvironmentVariable("EDITION_TEST_SLOW_COPY_MS"), out var ms) ? ms : 0;

    public static string ReleasesFolder(string target)
    {
        var full = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.releases");
    }

    public static Result Deploy(IReadOnlyList<SiteFile> site, string target)
    {
        var releases = ReleasesFolder(target);
        Directory.CreateDirectory(releases);
        var id = "release-" + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(BagItPackage.Manifest(site))))[..16];
        var release = Path.Combine(releases, id);
        if (!Directory.Exists(release))
        {
            var staging = Path.Combine(releases, $".staging-{Environment.ProcessId}-{Guid.NewGuid():N}");
            try
            {
                foreach (var file in site)
                {
                    AtomicFolder.WriteFile(staging, file.Path, file.Bytes);
                    if (SlowCopyForTests > 0) Thread.Sleep(SlowCopyForTests);
                }

                Directory.Move(staging, release);
            }
            catch
            {
                AtomicFolder.TryDelete(staging);
                throw;
            }
        }

        var previous = CurrentRelease(target);
        if (previous is null && Directory.Exists(target) && !IsLink(target))
        {
            // A first deploy onto a plain folder keeps that folder as the previous release.
            previous = "release-initial-" + Guid.NewGuid().ToString("N")[..8];
            Directory.Move(target, Path.Combine(releases, previous));
        }

        PointTo(target, id);
        if (previous is not null && previous != id) File.WriteAllText(Path.Combine(releases, "previous"), previous + "\n");
        Prune(releases, keep: [id, previous]);
        return new Result(id, previous == id ? null : previous, site.Count);
    }

    /// <summary>Makes the previous release live again; the current one becomes the previous.</summary>
    public static Result Rollback(string target)
    {
        var releases = ReleasesFolder(target);
        var marker = Path.Combine(releases, "previous");
        var current = CurrentRelease(target) ?? throw new InvalidOperationException($"{target} was not deployed by edition deploy; nothing to roll back");
        var previous = File.Exists(marker) ? File.ReadAllText(marker).Trim() : null;
        if (string.IsNullOrEmpty(previous) || !Directory.Exists(Path.Combine(releases, previous)))
        {
            throw new InvalidOperationException($"{target} has no previous release to roll back to");
        }

        PointTo(target, previous);
        File.WriteAllText(marker, current + "\n");
        return new Result(previous, current, Directory.EnumerateFiles(Path.Combine(releases, previous), "*", SearchOption.AllDirectories).Count());
    }

    /// <summary>The release the target links to now, or null when it is not a deployed link.</summary>
    public static string? CurrentRelease(string target)
    {
        if (!IsLink(target)) return null;
        var link = new FileInfo(Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar)).LinkTarget;
        return link is null ? null : Path.GetFileName(link.TrimEnd('/'));
    }

    private static bool IsLink(string path) => new FileInfo(Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar)).LinkTarget is not null;

    // One rename(2) replaces the old link with the new: at every instant the target is a whole release.
    private static void PointTo(string target, string releaseId)
    {
        var full = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        var releases = ReleasesFolder(target);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.link-{Guid.NewGuid():N}");
        File.CreateSymbolicLink(temporary, Path.Combine(Path.GetFileName(releases), releaseId));
        if (Rename(temporary, full) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            File.Delete(temporary);
            throw new IOException($"could not swap {target} to {releaseId} (errno {error})");
        }
    }

    private static void Prune(string releases, string?[] keep)
    {
        foreach (var folder in Directory.EnumerateDirectories(releases))
        {
            var name = Path.GetFileName(folder);
            if (keep.Contains(name) || name.StartsWith('.')) continue;
            AtomicFolder.TryDelete(folder);
        }
    }

    [LibraryImport("libc", EntryPoint = "rename", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Rename(string oldPath, string newPath);
}
