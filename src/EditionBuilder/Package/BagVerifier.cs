using System.Buffers;
using System.IO.Compression;
using System.IO.Enumeration;
using System.Security.Cryptography;
using System.Text;
using EditionBuilder.Diagnostics;
using EditionBuilder.Files;
using EditionBuilder.Output;

namespace EditionBuilder.Package;

/// <summary>Checks a bag (a folder, or a zip of one) against its manifests: every missing, extra or altered file is listed.</summary>
/// <remarks>
/// Each file is streamed through SHA-256 in 1 MiB pieces, never held whole, so a bag of any size verifies in a few MiB and a file
/// over 2 GiB is no different from a small one. A zip is read as untrusted: an entry that is a symbolic link or special file, a name
/// given twice or leaving the bag, an entry that claims more than deflate can expand (over 1,100 times its compressed size), one that
/// inflates to more than its header says, and entries that overlap (a zip bomb's trick) are each an error, and such entries are
/// never inflated. In a bag folder a symbolic link is an error at its path, never followed.
/// </remarks>
public static class BagVerifier
{
    /// <summary>One problem in a bag: its diagnostic code, what happened ("missing", "altered"…), the path in the bag and the details.</summary>
    public sealed record Finding(string Code, string Kind, string Path, string Detail);

    /// <summary>What a verification found, and how many payload files (and bytes) were checked.</summary>
    public sealed record Report(IReadOnlyList<Finding> Findings, int PayloadFiles, long PayloadBytes);

    /// <summary>Deflate expands at most ~1,032 times; an entry that claims more is refused unread.</summary>
    public const int MaxExpansion = 1100;

    /// <summary>Tag files (bagit.txt, the manifests, bag-info.txt) are read whole; larger ones are refused.</summary>
    public const long MaxTagFileBytes = 256L * 1024 * 1024;

    private const int BufferSize = 1024 * 1024;

    public static Report Verify(string path)
    {
        using Bag bag = Directory.Exists(path) ? FolderBag.Open(path) : ZipBag.Open(path);
        var findings = new List<Finding>(bag.Findings);
        if (bag.Fatal) return new Report(findings, 0, 0);
        if (!bag.Entries.ContainsKey("bagit.txt")) findings.Add(new Finding(DiagnosticCodes.BagFileMissing, "missing", "bagit.txt", "not a BagIt bag"));
        if (ReadTagFile(bag, "manifest-sha256.txt", findings) is not { } manifest)
        {
            if (!bag.Excluded.Contains("manifest-sha256.txt")) findings.Add(new Finding(DiagnosticCodes.BagFileMissing, "missing", "manifest-sha256.txt", "the payload manifest is missing"));
            return new Report(findings, 0, 0);
        }

        var (listed, files, bytes) = CheckManifest(bag, "manifest-sha256.txt", manifest, findings);
        foreach (var entry in bag.Entries.Keys.Where(p => p.StartsWith("data/", StringComparison.Ordinal) && !listed.Contains(p)).Order(StringComparer.Ordinal))
        {
            findings.Add(new Finding(DiagnosticCodes.BagFileExtra, "extra", entry, "in the payload but not in the manifest"));
        }

        if (ReadTagFile(bag, "tagmanifest-sha256.txt", findings) is { } tagManifest) CheckManifest(bag, "tagmanifest-sha256.txt", tagManifest, findings);
        return new Report(findings, files, bytes);
    }

    private static (HashSet<string> Listed, int Files, long Bytes) CheckManifest(Bag bag, string name, string manifest, List<Finding> findings)
    {
        var listed = new HashSet<string>(StringComparer.Ordinal);
        int files = 0;
        long bytes = 0;
        var lines = manifest.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0) continue;
            var space = line.AsSpan().IndexOfAny(' ', '\t');
            var hash = space < 0 ? line : line[..space];
            if (space < 0 || hash.Length != 64 || !hash.All(char.IsAsciiHexDigit))
            {
                findings.Add(new Finding(DiagnosticCodes.BagUnreadable, "unreadable", name, $"line {i + 1} is not '<sha256> <path>'"));
                continue;
            }

            var path = BagItPackage.DecodePath(line[(space + 1)..].TrimStart(' ', '\t') is var p && p.StartsWith('*') ? p[1..] : p);
            if (!listed.Add(path)) continue;
            if (bag.Excluded.Contains(path)) continue; // already reported (a link, a duplicate, a bomb…)
            if (!bag.Entries.TryGetValue(path, out var entry))
            {
                findings.Add(new Finding(DiagnosticCodes.BagFileMissing, "missing", path, "listed in the manifest but absent"));
                continue;
            }

            var actual = Hash(bag, entry, findings);
            if (actual is null) continue;
            files++;
            bytes += entry.Length;
            if (!string.Equals(actual, hash, StringComparison.OrdinalIgnoreCase))
            {
                findings.Add(new Finding(DiagnosticCodes.BagFileAltered, "altered", path, "its SHA-256 differs from the manifest"));
            }
        }

        return (listed, files, bytes);
    }

    // The entry streamed through SHA-256; null (with a finding) when it cannot be read or is longer than it says.
    private static string? Hash(Bag bag, Entry entry, List<Finding> findings)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using var stream = bag.Open(entry);
            long total = 0;
            int n;
            while ((n = stream.Read(buffer, 0, BufferSize)) > 0)
            {
                total += n;
                if (total > entry.Length)
                {
                    findings.Add(new Finding(DiagnosticCodes.BagEntryTooLarge, "too large", entry.Path, $"holds more than the {entry.Length} bytes its header says; reading stopped"));
                    return null;
                }

                hash.AppendData(buffer, 0, n);
            }

            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            findings.Add(new Finding(DiagnosticCodes.BagUnreadable, "unreadable", entry.Path, e is InvalidDataException ? "its compressed data is damaged" : "it cannot be read"));
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string? ReadTagFile(Bag bag, string name, List<Finding> findings)
    {
        if (!bag.Entries.TryGetValue(name, out var entry)) return null;
        if (entry.Length > MaxTagFileBytes)
        {
            findings.Add(new Finding(DiagnosticCodes.BagEntryTooLarge, "too large", name, $"{entry.Length} bytes: a tag file is read whole, and this one is over {MaxTagFileBytes / (1024 * 1024)} MiB"));
            return null;
        }

        try
        {
            using var stream = bag.Open(entry);
            using var memory = new MemoryStream();
            var buffer = new byte[81920];
            int n;
            while ((n = stream.Read(buffer)) > 0)
            {
                memory.Write(buffer, 0, n);
                if (memory.Length > entry.Length) throw new InvalidDataException("longer than its header says");
            }

            return Encoding.UTF8.GetString(memory.GetBuffer(), 0, (int)memory.Length);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            findings.Add(new Finding(DiagnosticCodes.BagUnreadable, "unreadable", name, "it cannot be read"));
            return null;
        }
    }

    /// <summary>A file of the bag: its path relative to the bag, its length, and how to find it again.</summary>
    private sealed record Entry(string Path, long Length, object Where);

    /// <summary>A bag's files as the verifier sees them, with the problems found in its structure.</summary>
    private abstract class Bag : IDisposable
    {
        public Dictionary<string, Entry> Entries { get; } = new(StringComparer.Ordinal);

        public List<Finding> Findings { get; } = new();

        /// <summary>Paths already reported (links, duplicates, bombs…), never read and not reported again as missing.</summary>
        public HashSet<string> Excluded { get; } = new(StringComparer.Ordinal);

        /// <summary>Nothing of the bag can be trusted (a damaged or overlapping zip): stop after the structural findings.</summary>
        public bool Fatal { get; protected set; }

        public abstract Stream Open(Entry entry);

        public virtual void Dispose()
        {
        }

        protected void Refuse(string code, string kind, string path, string detail)
        {
            Findings.Add(new Finding(code, kind, path, detail));
            Excluded.Add(path);
            Entries.Remove(path);
        }
    }

    /// <summary>A bag folder, walked without following links.</summary>
    private sealed class FolderBag : Bag
    {
        public static FolderBag Open(string root)
        {
            var bag = new FolderBag();
            bag.Walk(root, string.Empty);
            return bag;
        }

        public override Stream Open(Entry entry)
        {
            var handle = NativeFiles.OpenRegular((string)entry.Where, out var kind)
                ?? throw new IOException($"{entry.Path} is {FileTypeText.Describe(kind)} now");
            return new FileStream(handle, FileAccess.Read, bufferSize: 0);
        }

        private void Walk(string folder, string relative)
        {
            var entries = new FileSystemEnumerable<(string Name, bool Folder, bool Link)>(folder,
                (ref FileSystemEntry e) => (e.FileName.ToString(), e.IsDirectory && (e.Attributes & FileAttributes.ReparsePoint) == 0, (e.Attributes & FileAttributes.ReparsePoint) != 0),
                new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0 });
            foreach (var (name, isFolder, isLink) in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                var path = relative.Length == 0 ? name : $"{relative}/{name}";
                var full = Path.Combine(folder, name);
                if (isLink)
                {
                    Refuse(DiagnosticCodes.BagLink, "link", path, $"a symbolic link (to {new FileInfo(full).LinkTarget}): a bag holds regular files only, and links are never followed");
                    continue;
                }

                if (isFolder)
                {
                    Walk(full, path);
                    continue;
                }

                var kind = NativeFiles.Kind(full);
                if (kind != FileType.Regular)
                {
                    Refuse(DiagnosticCodes.BagSpecialFile, "special", path, $"{FileTypeText.Describe(kind)}, not a regular file: never read");
                    continue;
                }

                Entries[path] = new Entry(path, new FileInfo(full).Length, full);
            }
        }
    }

    /// <summary>A zip of a bag (its entries under one top folder, or at the root), read as untrusted.</summary>
    private sealed class ZipBag : Bag
    {
        private FileStream? _file;
        private ZipArchive? _zip;

        public static ZipBag Open(string path)
        {
            var bag = new ZipBag();
            try
            {
                bag._file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096, FileOptions.RandomAccess);
                bag._zip = new ZipArchive(bag._file, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: Encoding.UTF8);
                bag.Index(bag._zip, bag._file.Length);
            }
            catch (InvalidDataException)
            {
                bag.Findings.Add(new Finding(DiagnosticCodes.BagUnreadable, "unreadable", Path.GetFileName(path), "not a readable zip file (its directory is missing or damaged)"));
                bag.Fatal = true;
            }

            return bag;
        }

        public override Stream Open(Entry entry) => ((ZipArchiveEntry)entry.Where).Open();

        public override void Dispose()
        {
            _zip?.Dispose();
            _file?.Dispose();
        }

        private void Index(ZipArchive zip, long zipLength)
        {
            var entries = zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
            // Entries that claim more compressed bytes than the file holds share their data: the overlapping-entry zip bomb.
            var claimed = entries.Sum(e => e.CompressedLength);
            if (claimed > zipLength)
            {
                Findings.Add(new Finding(DiagnosticCodes.BagEntryTooLarge, "too large", "(zip)", $"its entries claim {claimed} compressed bytes in a {zipLength}-byte file: they overlap (a zip bomb); nothing was inflated"));
                Fatal = true;
                return;
            }

            var top = entries.Select(e => e.FullName.Split('/')[0]).Distinct().ToList();
            var prefix = top.Count == 1 && entries.All(e => e.FullName.Contains('/')) ? top[0] + "/" : string.Empty;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                var path = entry.FullName[prefix.Length..];
                if (!seen.Add(path))
                {
                    // Refused in both places: which of the two is the file cannot be told.
                    Refuse(DiagnosticCodes.BagDuplicateEntry, "duplicate", path, "the zip holds this name more than once; which one is the file cannot be told");
                    continue;
                }

                if (path.Length == 0 || path.StartsWith('/') || path.Contains('\\') || path.Contains('\0') || path.Split('/').Any(s => s is "" or "." or ".."))
                {
                    Refuse(DiagnosticCodes.BagUnreadable, "unreadable", path, "the entry's name leaves the bag or is not a plain path");
                    continue;
                }

                // The upper 16 bits of the external attributes are the Unix mode when a Unix zip tool wrote the entry.
                var type = (entry.ExternalAttributes >> 16) & 0xF000;
                if (type == 0xA000)
                {
                    Refuse(DiagnosticCodes.BagLink, "link", path, "the entry is a symbolic link: a bag holds regular files only");
                    continue;
                }

                if (type is not (0 or 0x8000))
                {
                    Refuse(DiagnosticCodes.BagSpecialFile, "special", path, "the entry is not a regular file (a device, FIFO, socket or folder)");
                    continue;
                }

                if (entry.Length > BufferSize && entry.Length / Math.Max(entry.CompressedLength, 1) > MaxExpansion)
                {
                    Refuse(DiagnosticCodes.BagEntryTooLarge, "too large", path,
                        $"claims {entry.Length} bytes from {entry.CompressedLength} compressed: more than deflate can expand (over {MaxExpansion} times); not inflated");
                    continue;
                }

                Entries[path] = new Entry(path, entry.Length, entry);
            }

        }
    }
}
