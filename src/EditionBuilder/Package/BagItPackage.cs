using System.IO.Compression;
using System.Text;
using EditionBuilder.Render;
using EditionBuilder.Site;

namespace EditionBuilder.Package;

/// <summary>Makes a BagIt bag (RFC 8493) of a site, with SHA-256 manifests, and a zip of it with fixed times and order, so the same site gives the same bytes.</summary>
public static class BagItPackage
{
    /// <summary>What bag-info.txt says of the bag.</summary>
    public sealed record BagInfo(string SourceOrganization, string ExternalDescription, string BaggingDate);

    /// <summary>The files of the bag, as paths relative to the bag folder: tag files first, then data/…</summary>
    public static IReadOnlyList<SiteFile> Bag(IReadOnlyList<SiteFile> site, BagInfo info)
    {
        var payload = site.OrderBy(f => f.Path, StringComparer.Ordinal).Select(f => new SiteFile("data/" + f.Path, f.Bytes)).ToList();
        var bagit = SiteFile.Text("bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
        var manifest = SiteFile.Text("manifest-sha256.txt", Manifest(payload));
        var octets = payload.Sum(f => (long)f.Bytes.Length);
        var bagInfo = new StringBuilder();
        if (info.SourceOrganization.Length > 0) bagInfo.Append("Source-Organization: ").Append(OneLine(info.SourceOrganization)).Append('\n');
        if (info.ExternalDescription.Length > 0) bagInfo.Append("External-Description: ").Append(OneLine(info.ExternalDescription)).Append('\n');
        if (info.BaggingDate.Length > 0) bagInfo.Append("Bagging-Date: ").Append(info.BaggingDate).Append('\n');
        bagInfo.Append("Payload-Oxum: ").Append(octets).Append('.').Append(payload.Count).Append('\n');
        bagInfo.Append("Bag-Software-Agent: EditionBuilder\n");
        var bagInfoFile = SiteFile.Text("bag-info.txt", bagInfo.ToString());
        var tagManifest = SiteFile.Text("tagmanifest-sha256.txt", Manifest([bagit, bagInfoFile, manifest]));
        return [bagit, bagInfoFile, manifest, tagManifest, .. payload];
    }

    /// <summary>A zip of the bag under one top folder, entries in path order with a fixed time.</summary>
    public static byte[] Zip(string bagName, IReadOnlyList<SiteFile> bag, DateTimeOffset entryTime)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8))
        {
            foreach (var file in bag.OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                var entry = zip.CreateEntry($"{bagName}/{file.Path}", CompressionLevel.Optimal);
                entry.LastWriteTime = entryTime;
                entry.ExternalAttributes = 0;
                using var entryStream = entry.Open();
                entryStream.Write(file.Bytes);
            }
        }

        return stream.ToArray();
    }

    /// <summary>Lines "hash  path", sorted by path, as sha256sum -c reads them; a path's CR, LF and % percent-encoded (RFC 8493 §2.1.3).</summary>
    public static string Manifest(IEnumerable<SiteFile> files) => SiteManifest.Of(files);

    /// <summary>A file path as a manifest line holds it: CR, LF and % percent-encoded, and only those (RFC 8493 §2.1.3).</summary>
    public static string EncodePath(string path) => SiteManifest.EncodePath(path);

    /// <summary>A manifest line's path decoded: %0D, %0A and %25 (either case) become CR, LF and %; any other % sequence is kept as it is.</summary>
    public static string DecodePath(string path)
    {
        if (!path.Contains('%')) return path;
        var text = new StringBuilder(path.Length);
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] == '%' && path.Length - i >= 3)
            {
                var decoded = path.Substring(i + 1, 2).ToUpperInvariant() switch
                {
                    "0D" => '\r',
                    "0A" => '\n',
                    "25" => '%',
                    _ => '\0',
                };
                if (decoded != '\0')
                {
                    text.Append(decoded);
                    i += 2;
                    continue;
                }
            }

            text.Append(path[i]);
        }

        return text.ToString();
    }

    /// <summary>The date a bag is made: SOURCE_DATE_EPOCH when set, else the given date (the edition's), else none.</summary>
    public static (string Date, DateTimeOffset ZipTime) BaggingDate(string? sourceDateEpoch, string metadataDate)
    {
        if (long.TryParse(sourceDateEpoch, out var seconds))
        {
            var time = DateTimeOffset.FromUnixTimeSeconds(seconds);
            return (time.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ZipSafe(time));
        }

        if (DateTimeOffset.TryParse(metadataDate, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var date))
        {
            return (date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ZipSafe(date));
        }

        return (string.Empty, new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    // Zip stores local times without a zone from 1980 on; a fixed UTC-based value keeps bytes equal across time zones.
    private static DateTimeOffset ZipSafe(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        if (utc.Year < 1980) utc = new DateTime(1980, 1, 1);
        return new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Unspecified), TimeSpan.Zero);
    }

    private static string OneLine(string text) => text.Replace('\n', ' ').Replace('\r', ' ').Trim();
}
