using System.IO.Enumeration;
using EditionBuilder.Diagnostics;
using EditionBuilder.Files;
using EditionBuilder.Site;

namespace EditionBuilder.Output;

/// <summary>Reads a built site folder for verify, deploy and package: regular files only, never through a symbolic link, never waiting on a FIFO or device; anything else is an error at its path.</summary>
public static class SiteFolderReader
{
    /// <summary>False, with an error at the folder (EB0941) saying what to give instead, when the folder is not a site <c>edition build</c> finished: it has no build marker, which a build writes last.</summary>
    /// <remarks>Checked before anything is read, so a content or home folder given by mistake is neither walked nor published.</remarks>
    public static bool IsBuiltSite(string site, string command, DiagnosticBag diagnostics)
    {
        if (NativeFiles.Kind(Path.Combine(site, OutputGuard.SiteMarker)) == FileType.Regular) return true;
        var instead = File.Exists(Path.Combine(site, "edition.yml")) || File.Exists(Path.Combine(site, "article.yml"))
            ? $"it is a content folder: build it first ('edition build {site} -o artifacts/site'), then give {command} the site folder"
            : $"give {command} the folder 'edition build' wrote (artifacts/site, or the folder its -o named)";
        diagnostics.Error(DiagnosticCodes.NotABuiltSite, site, 0, 0,
            $"not a site built by edition build (it has no {OutputGuard.SiteMarker}, which every build writes last): {instead}");
        return false;
    }

    /// <summary>Every regular file under the site (its build marker left out), sorted by path; .gz and .br copies only when asked. Links, FIFOs, devices and sockets are reported (EB0901, EB0902) and left out.</summary>
    public static List<SiteFile> Read(string site, DiagnosticBag diagnostics, bool includeCompressed = false)
    {
        var files = new List<SiteFile>();
        Walk(site, string.Empty, site, diagnostics, includeCompressed, files);
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return files;
    }

    private static void Walk(string site, string relative, string folder, DiagnosticBag diagnostics, bool includeCompressed, List<SiteFile> files)
    {
        foreach (var (name, isFolder, isLink) in Entries(site, relative, folder, diagnostics).OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var path = relative.Length == 0 ? name : $"{relative}/{name}";
            var full = Path.Combine(folder, name);
            var shown = Path.Combine(site, path);
            if (isLink)
            {
                diagnostics.Error(DiagnosticCodes.SiteSymbolicLink, shown, 0, 0,
                    $"a symbolic link (to {new FileInfo(full).LinkTarget}): a site is read without following links, and deploy and package copy only regular files");
                continue;
            }

            if (isFolder)
            {
                Walk(site, path, full, diagnostics, includeCompressed, files);
                continue;
            }

            if (path == OutputGuard.SiteMarker) continue;
            if (!includeCompressed && (path.EndsWith(".gz", StringComparison.Ordinal) || path.EndsWith(".br", StringComparison.Ordinal))) continue;
            using var handle = NativeFiles.OpenRegular(full, out var kind);
            if (handle is null)
            {
                var code = kind == FileType.SymbolicLink ? DiagnosticCodes.SiteSymbolicLink : DiagnosticCodes.SiteSpecialFile;
                diagnostics.Error(code, shown, 0, 0, $"{FileTypeText.Describe(kind)}, not a regular file: it is never read, and deploy and package copy only regular files");
                continue;
            }

            var length = RandomAccess.GetLength(handle);
            if (length > Array.MaxLength)
            {
                diagnostics.Error(DiagnosticCodes.SiteSpecialFile, shown, 0, 0, $"{length} bytes: larger than a site file can be (2 GiB)");
                continue;
            }

            var bytes = new byte[length];
            var read = 0;
            while (read < bytes.Length)
            {
                var n = RandomAccess.Read(handle, bytes.AsSpan(read), read);
                if (n == 0) throw new IOException($"{shown}: shorter than its length while being read");
                read += n;
            }

            files.Add(new SiteFile(path, bytes));
        }
    }

    // A folder's entries, told apart without following anything; a name that is not UTF-8 text (no path can name it) is an error and left out.
    private static IEnumerable<(string Name, bool Folder, bool Link)> Entries(string site, string relative, string folder, DiagnosticBag diagnostics)
    {
        if (FolderListing.List(folder) is { } listed)
        {
            foreach (var (name, stat, raw) in listed)
            {
                if (raw is null) continue;
                diagnostics.Error(DiagnosticCodes.SiteSpecialFile, Path.Combine(site, relative.Length == 0 ? name : $"{relative}/{name}"), 0, 0,
                    "a name that is not UTF-8 text (shown with U+FFFD): no web server or archive can be trusted to name it the same; nothing a build writes is so named, so remove it");
            }

            return listed.Where(e => e.RawName is null).Select(e => (e.Name, e.Stat.Kind == FileType.Directory, e.Stat.Kind == FileType.SymbolicLink)).ToList();
        }

        // One readdir per folder; d_type tells folders, links and the rest apart without following anything.
        return new FileSystemEnumerable<(string Name, bool Folder, bool Link)>(folder,
            (ref FileSystemEntry e) => (e.FileName.ToString(), e.IsDirectory && (e.Attributes & FileAttributes.ReparsePoint) == 0, (e.Attributes & FileAttributes.ReparsePoint) != 0),
            new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0 }).ToList();
    }
}
