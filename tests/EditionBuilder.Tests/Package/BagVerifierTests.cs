using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using EditionBuilder.Package;
using EditionBuilder.Site;
using EditionBuilder.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace EditionBuilder.Tests.Package;

/// <summary>verify-package reads a bag as untrusted: every file streams through SHA-256 (a zip bomb verifies in little memory, a file over 2 GiB is fine), and duplicate names, links, special files, lying or overlapping entries are errors, never inflated or followed.</summary>
public class BagVerifierTests(ITestOutputHelper output)
{
    private const long GiB = 1024L * 1024 * 1024;

    // A zip of a bag "b/": bagit.txt, a manifest of the payload files (name -> bytes written by a callback) and the files.
    private static void WriteBagZip(string zipPath, IReadOnlyList<(string Name, long Length, Action<Stream> Write, string Sha256)> payload, Action<ZipArchive>? extra = null)
    {
        using var file = File.Create(zipPath);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        void Text(string name, string text)
        {
            using var s = zip.CreateEntry("b/" + name).Open();
            s.Write(Encoding.UTF8.GetBytes(text));
        }

        Text("bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
        Text("manifest-sha256.txt", string.Concat(payload.Select(p => $"{p.Sha256}  data/{BagItPackage.EncodePath(p.Name)}\n")));
        foreach (var (name, _, write, _) in payload)
        {
            using var s = zip.CreateEntry("b/data/" + name, CompressionLevel.Optimal).Open();
            write(s);
        }

        extra?.Invoke(zip);
    }

    private static void WriteZeros(Stream stream, long length)
    {
        var zeros = new byte[1024 * 1024];
        for (long written = 0; written < length; written += zeros.Length) stream.Write(zeros, 0, (int)Math.Min(zeros.Length, length - written));
    }

    private static string ZerosSha256(long length)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var zeros = new byte[1024 * 1024];
        for (long done = 0; done < length; done += zeros.Length) hash.AppendData(zeros, 0, (int)Math.Min(zeros.Length, length - done));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static (string Name, long Length, Action<Stream> Write, string Sha256) Text(string name, string text) =>
        (name, Encoding.UTF8.GetByteCount(text), s => s.Write(Encoding.UTF8.GetBytes(text)), Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));

    [Fact]
    public async Task Given_a_zip_of_three_1_GiB_files_of_zeros_When_verified_Then_it_is_intact_and_the_process_stays_small()
    {
        using var temp = new TempFolder();
        var zip = Path.Combine(temp.Path, "bomb.zip");
        var sha = ZerosSha256(GiB);
        WriteBagZip(zip, [.. Enumerable.Range(1, 3).Select(i => ($"zeros-{i}.bin", GiB, (Action<Stream>)(s => WriteZeros(s, GiB)), sha))]);
        output.WriteLine($"zip: {new FileInfo(zip).Length / 1024} KiB for 3 GiB of payload");

        // The real command as a child process, its peak resident memory (VmHWM) read while it runs.
        using var process = EditionProcess.Start(temp.Path, null, "verify-package", "bomb.zip");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peakKiB = 0;
        while (!process.HasExited)
        {
            peakKiB = Math.Max(peakKiB, PeakResidentKiB(process.Id));
            await Task.Delay(20);
        }

        await process.WaitForExitAsync();
        var (printed, errors) = (await stdout, await stderr);
        output.WriteLine($"verify-package: exit {process.ExitCode}, peak RSS {peakKiB / 1024} MiB; {printed.Trim()}");
        Assert.True(process.ExitCode == 0, errors);
        Assert.Contains($"3 payload files ({3 * GiB} bytes) match", printed);
        Assert.InRange(peakKiB, 1, 250 * 1024);
    }

    private static long PeakResidentKiB(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0; // ended between two reads
        }
    }

    [Fact]
    public void Given_a_bag_folder_with_a_file_over_2_GiB_When_verified_Then_it_is_intact_and_a_changed_byte_is_caught()
    {
        using var temp = new TempFolder();
        var length = (2 * GiB) + (1024 * 1024); // past int.MaxValue
        const string sha256 = "f9c8466cdac8f598a9dbbe999b62b47c2745c7b7368cd6bfcee1b636368a9071"; // head -c 2148532224 /dev/zero | sha256sum
        var big = temp.File("b/data/big.bin");
        using (var stream = File.Create(big)) stream.SetLength(length); // sparse: no disk used
        temp.File("b/bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
        temp.File("b/manifest-sha256.txt", $"{sha256}  data/big.bin\n");

        var intact = BagVerifier.Verify(Path.Combine(temp.Path, "b"));
        Assert.Empty(intact.Findings);
        Assert.Equal((1, length), (intact.PayloadFiles, intact.PayloadBytes));

        using (var stream = new FileStream(big, FileMode.Open)) { stream.Position = length - 1; stream.WriteByte(1); }
        var altered = BagVerifier.Verify(Path.Combine(temp.Path, "b"));
        Assert.Contains(altered.Findings, f => f is { Code: "EB0912", Kind: "altered", Path: "data/big.bin" });
    }

    [Fact]
    public void Given_a_zip_holding_the_same_entry_twice_When_verified_Then_the_duplicate_is_an_error_even_if_one_copy_matches()
    {
        using var temp = new TempFolder();
        var zip = Path.Combine(temp.Path, "twice.zip");
        WriteBagZip(zip, [Text("index.html", "<p>the real page</p>")], archive =>
        {
            using var s = archive.CreateEntry("b/data/index.html").Open();
            s.Write("<p>a forged page</p>"u8);
        });

        var result = BagVerifier.Verify(zip);

        Assert.Contains(result.Findings, f => f is { Code: "EB0913", Kind: "duplicate", Path: "data/index.html" });
        Assert.DoesNotContain(result.Findings, f => f is { Kind: "missing", Path: "data/index.html" });
    }

    [Fact]
    public void Given_a_zip_entry_that_is_a_symbolic_link_When_verified_Then_it_is_an_error_and_never_read_as_a_file()
    {
        using var temp = new TempFolder();
        var zip = Path.Combine(temp.Path, "link.zip");
        var target = "/etc/passwd";
        WriteBagZip(zip, [Text("index.html", "<p>page</p>"), ("passwd.html", target.Length, s => s.Write(Encoding.UTF8.GetBytes(target)), Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(target))))]);
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Update))
        {
            archive.GetEntry("b/data/passwd.html")!.ExternalAttributes = unchecked((int)0xA1FF0000); // S_IFLNK | 0777
        }

        var result = BagVerifier.Verify(zip);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(("EB0914", "link", "data/passwd.html"), (finding.Code, finding.Kind, finding.Path));
        Assert.StartsWith("the entry is a symbolic link", finding.Detail);
    }

    [Fact]
    public void Given_a_zip_entry_claiming_more_than_deflate_can_expand_When_verified_Then_refused_unread()
    {
        using var temp = new TempFolder();
        var zip = Path.Combine(temp.Path, "claims.zip");
        var length = 4L * 1024 * 1024;
        WriteBagZip(zip, [("zeros.bin", length, s => WriteZeros(s, length), ZerosSha256(length))]);
        PatchSizes(zip, "b/data/zeros.bin", uncompressed: 3_000_000_000);

        var result = BagVerifier.Verify(zip);

        var finding = Assert.Single(result.Findings, f => f is { Code: "EB0916", Kind: "too large", Path: "data/zeros.bin" });
        Assert.StartsWith("claims 3000000000 bytes from", finding.Detail);
        Assert.Contains("more than deflate can expand", finding.Detail);
    }

    [Fact]
    public void Given_a_zip_entry_longer_than_its_header_says_When_verified_Then_no_more_than_the_header_says_is_read_and_the_bag_is_not_intact()
    {
        using var temp = new TempFolder();
        var zip = Path.Combine(temp.Path, "short.zip");
        var length = 4L * 1024 * 1024;
        WriteBagZip(zip, [("zeros.bin", length, s => WriteZeros(s, length), ZerosSha256(length))]);
        PatchSizes(zip, "b/data/zeros.bin", uncompressed: 2 * 1024 * 1024);

        // No exception escapes: a failure of the reader is a finding.
        var result = BagVerifier.Verify(zip);

        // .NET's zip reader stops at the declared length (then the hash differs); a reader that did not would hit our own limit.
        Assert.Contains(result.Findings, f => f.Code is "EB0912" or "EB0916" or "EB0917" && f.Kind is "altered" or "too large" or "unreadable" && f.Path == "data/zeros.bin");
    }

    [Fact]
    public void Given_a_zip_whose_entries_overlap_When_verified_Then_nothing_is_inflated()
    {
        using var temp = new TempFolder();
        var zip = Path.Combine(temp.Path, "overlap.zip");
        WriteBagZip(zip, [Text("a.html", "<p>a</p>"), Text("b.html", "<p>b</p>")]);
        var fileLength = (int)new FileInfo(zip).Length;
        foreach (var name in new[] { "b/data/a.html", "b/data/b.html" }) PatchSizes(zip, name, compressed: fileLength - 100);

        var result = BagVerifier.Verify(zip);

        var finding = Assert.Single(result.Findings, f => f is { Code: "EB0916", Kind: "too large", Path: "(zip)" });
        Assert.StartsWith("its entries claim", finding.Detail);
        Assert.Contains("they overlap (a zip bomb); nothing was inflated", finding.Detail);
    }

    [Fact]
    public void Given_a_file_that_is_not_a_zip_When_verified_Then_an_input_error_not_an_internal_failure()
    {
        using var temp = new TempFolder();
        temp.File("not.zip", "this is text");

        var result = BagVerifier.Verify(Path.Combine(temp.Path, "not.zip"));

        var finding = Assert.Single(result.Findings);
        Assert.Equal(("EB0917", "unreadable", "not.zip"), (finding.Code, finding.Kind, finding.Path));
        Assert.StartsWith("not a readable zip file", finding.Detail);
    }

    [Fact]
    public void Given_a_bag_folder_with_a_symbolic_link_for_a_payload_file_When_verified_Then_it_is_an_error_at_its_path_even_with_the_right_bytes()
    {
        using var temp = new TempFolder();
        SmallEdition.WriteTo(Path.Combine(temp.Path, "content"));
        Assert.True(FolderBuilds.Run(Path.Combine(temp.Path, "content"), Path.Combine(temp.Path, "site")).Succeeded);
        Packages.Run(Path.Combine(temp.Path, "site"), Path.Combine(temp.Path, "package"), Path.Combine(temp.Path, "content"));
        var page = Path.Combine(temp.Path, "package", "small-1", "data", "index.html");
        var copy = temp.File("elsewhere/index.html", File.ReadAllBytes(page));
        File.Delete(page);
        File.CreateSymbolicLink(page, copy);

        var result = BagVerifier.Verify(Path.Combine(temp.Path, "package", "small-1"));

        var finding = Assert.Single(result.Findings);
        Assert.Equal(("EB0914", "link", "data/index.html"), (finding.Code, finding.Kind, finding.Path));
        Assert.StartsWith($"a symbolic link (to {copy})", finding.Detail);
    }

    [Fact]
    public void Given_paths_with_CR_LF_and_percent_When_bagged_Then_the_manifest_percent_encodes_them_and_the_bag_verifies()
    {
        using var temp = new TempFolder();
        SiteFile[] site = [new("notes/100%\nsure\r.txt", "a"u8.ToArray()), new("index.html", "<p>x</p>"u8.ToArray()), new("a%41.txt", "b"u8.ToArray())];
        var bag = BagItPackage.Bag(site, new BagItPackage.BagInfo(string.Empty, string.Empty, string.Empty));
        foreach (var file in bag) temp.File(Path.Combine("b", file.Path), file.Bytes);

        var manifest = File.ReadAllText(Path.Combine(temp.Path, "b", "manifest-sha256.txt"));
        var result = BagVerifier.Verify(Path.Combine(temp.Path, "b"));

        Assert.Contains("  data/notes/100%25%0Asure%0D.txt\n", manifest);
        Assert.Contains("  data/a%2541.txt\n", manifest);
        Assert.Empty(result.Findings);
        Assert.Equal(3, result.PayloadFiles);
    }

    [Theory]
    [InlineData("plain/name.html", "plain/name.html")]
    [InlineData("100%", "100%25")]
    [InlineData("a\nb\rc\r\nd", "a%0Ab%0Dc%0D%0Ad")]
    [InlineData("%0A literally", "%250A literally")]
    public void Given_a_path_When_encoded_for_a_manifest_Then_only_CR_LF_and_percent_change_and_decoding_gives_it_back(string path, string encoded)
    {
        Assert.Equal(encoded, BagItPackage.EncodePath(path));
        Assert.Equal(path, BagItPackage.DecodePath(encoded));
        Assert.Equal("a%41", BagItPackage.DecodePath("a%41"));
        Assert.Equal("\n", BagItPackage.DecodePath("%0a"));
    }

    // Rewrites an entry's sizes in both its local header and its central directory record (zip's two copies of them).
    private static void PatchSizes(string zip, string name, long? uncompressed = null, long? compressed = null)
    {
        var bytes = File.ReadAllBytes(zip);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        for (var at = 0; at + 46 < bytes.Length; at++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at));
            var (nameAt, sizesAt) = signature switch { 0x04034b50 => (30, 18), 0x02014b50 => (46, 20), _ => (-1, -1) };
            if (nameAt < 0) continue;
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + (signature == 0x04034b50 ? 26 : 28)));
            if (nameLength != nameBytes.Length || at + nameAt + nameLength > bytes.Length || !bytes.AsSpan(at + nameAt, nameLength).SequenceEqual(nameBytes)) continue;
            if (compressed is { } c) BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at + sizesAt), (uint)c);
            if (uncompressed is { } u) BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at + sizesAt + 4), (uint)u);
        }

        File.WriteAllBytes(zip, bytes);
    }
}
