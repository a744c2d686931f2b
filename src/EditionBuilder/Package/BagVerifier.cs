using System.IO.Compression;
using System.Security.Cryptography;

namespace EditionBuilder.Package;

/// <summary>Checks a bag against its manifests: every missing, extra or altered file is listed.</summary>
public static class BagVerifier
{
    /// <summary>One problem in a bag.</summary>
    public sealed record Finding(string Kind, string Path, string Detail);

    /// <summary>Reads a bag folder or a zip of one into (path relative to the bag, bytes).</summary>
    public static Dictionary<string, byte[]> ReadBag(string path)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (Directory.Exists(path))
        {
            foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
            {
                files[Path.GetRelativePath(path, file).Replace('\\', '/')] = File.ReadAllBytes(file);
            }

            return files;
        }

        using var zip = ZipFile.OpenRead(path);
        var entries = zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
        var top = entries.Select(e => e.FullName.Split('/')[0]).Distinct().ToList();
        var prefix = top.Count == 1 && entries.All(e => e.FullName.Contains('/')) ? top[0] + "/" : string.Empty;
        foreach (var entry in entries)
        {
            using var stream = entry.Open();
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            files[entry.FullName[prefix.Length..]] = memory.ToArray();
        }

        return files;
    }

    public static List<Finding> Verify(IReadOnlyDictionary<string, byte[]> bag)
    {
        var findings = new List<Finding>();
        if (!bag.ContainsKey("bagit.txt")) findings.Add(new Finding("missing", "bagit.txt", "not a BagIt bag"));
        if (!bag.TryGetValue("manifest-sha256.txt", out var manifestBytes))
        {
            findings.Add(new Finding("missing", "manifest-sha256.txt", "the payload manifest is missing"));
            return findings;
        }

        var listed = CheckManifest(bag, manifestBytes, findings);
        foreach (var path in bag.Keys.Where(p => p.StartsWith("data/", StringComparison.Ordinal) && !listed.Contains(p)).Order(StringComparer.Ordinal))
        {
            findings.Add(new Finding("extra", path, "in the payload but not in the manifest"));
        }

        if (bag.TryGetValue("tagmanifest-sha256.txt", out var tagManifest)) CheckManifest(bag, tagManifest, findings);
        return findings;
    }

    private static HashSet<string> CheckManifest(IReadOnlyDictionary<string, byte[]> bag, byte[] manifest, List<Finding> findings)
    {
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in System.Text.Encoding.UTF8.GetString(manifest).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var space = line.IndexOf(' ');
            if (space < 0) continue;
            var hash = line[..space];
            var path = line[(space + 1)..].TrimStart(' ', '*');
            listed.Add(path);
            if (!bag.TryGetValue(path, out var bytes)) findings.Add(new Finding("missing", path, "listed in the manifest but absent"));
            else if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(bytes)), hash, StringComparison.OrdinalIgnoreCase))
            {
                findings.Add(new Finding("altered", path, "its SHA-256 differs from the manifest"));
            }
        }

        return listed;
    }
}
