using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EditionBuilder.Diagnostics;
using EditionBuilder.Files;
using EditionBuilder.Output;
using EditionBuilder.Site;
using EditionBuilder.Themes;
using EditionBuilder.Verify;

namespace EditionBuilder.Cache;

/// <summary>The content-hash cache of incremental builds (artifacts/.cache): an article whose inputs did not change is not rendered again, and a page whose HTML did not change is not minified, verified or compressed again. Keys include the tool and the templates, so a change to either rebuilds everything.</summary>
/// <remarks>
/// Every entry (pages, articles, stamps, output.stamps) carries the SHA-256 of its kind, its key and its bytes: an entry damaged,
/// edited or moved to another key is a miss, made again, never a wrong page. A cache that cannot be written (read-only, disk full)
/// is left alone for the rest of the build, with one warning (EB0900); the build goes on without it.
/// </remarks>
public sealed class BuildCache : IBuildCache
{
    private static readonly string ToolVersion = typeof(BuildCache).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private readonly string _folder;
    private readonly DiagnosticBag? _diagnostics;
    // Every file of every article is marked here, from every thread (17,000 at 1,000 articles).
    private readonly ConcurrentDictionary<string, byte> _used = new(LockStripes.ForWriters, 1024, StringComparer.Ordinal);
    private int _unwritable, _written;

    /// <param name="folder">The cache folder.</param>
    /// <param name="diagnostics">Where the one warning goes when the cache cannot be written.</param>
    public BuildCache(string folder, DiagnosticBag? diagnostics = null)
    {
        _folder = folder;
        _diagnostics = diagnostics;
        // Read here, before the articles are read in parallel (their first question to the cache would otherwise wait for it).
        var index = ReadSealedMapped(ArticleIndex.Kind, ArticleIndex.Kind, IndexPath);
        _index = ArticleIndex.Read(index?.Payload, index?.Owner);
    }

    private readonly ArticleIndex _index;

    /// <summary>Whether a write failed in this build (the warning was given; nothing more is written).</summary>
    public bool Unwritable => Volatile.Read(ref _unwritable) != 0;

    /// <summary>One processed page: its bytes as published (minified when minifying is on), compressed copies when made, and its verification facts (HTML only).</summary>
    public sealed record Page(byte[] Bytes, byte[]? Gzip, byte[]? Brotli, PageFacts? Facts);

    /// <summary>What an unchanged article contributes without rendering: its summary and its files.</summary>
    public sealed record ArticleEntry(ArticleSummary Summary, IReadOnlyList<CachedFile> Files);

    /// <summary>A file of an article: the key of its processed page, the files it became (itself and its .gz/.br) and its verification facts, so an unchanged page need not be read.</summary>
    public sealed record CachedFile(string Path, string Key, IReadOnlyList<OutputFile> Outputs, PageFacts? Facts);

    /// <summary>A file of the site by its content: path, length and SHA-256.</summary>
    public sealed record OutputFile(string Path, long Length, string Sha256);

    public static string Key(params string[] parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(ToolVersion));
        foreach (var part in parts)
        {
            var bytes = Encoding.UTF8.GetBytes(part);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The key of a rendered file: its path and settings, its bytes and, for a page with its bodies apart, each body.</summary>
    public static string Key(string prefix, SiteFile file)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(ToolVersion + "\0" + prefix + "\0"));
        hash.AppendData(file.Bytes);
        foreach (var fragment in file.Fragments ?? [])
        {
            var bytes = Encoding.UTF8.GetBytes(fragment.Html);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // A page entry is one file, read with one call: "EBP2", four lengths (minified, gzip, brotli, facts; -1 when absent), the bytes,
    // then the SHA-256 of its key and all that, so a damaged entry is a miss and never a wrong page.
    private static readonly byte[] PageMagic = "EBP2"u8.ToArray();

    public Page? GetPage(string key)
    {
        try
        {
            var entry = ReadRegular(EntryPath("pages", key) + ".page");
            if (entry is null || entry.Length < 20 + SHA256.HashSizeInBytes || !entry.AsSpan(0, 4).SequenceEqual(PageMagic)) return null;
            var bytes = entry[..^SHA256.HashSizeInBytes];
            if (!Checksum("page", key, bytes).AsSpan().SequenceEqual(entry.AsSpan(bytes.Length))) return null;
            var at = 20;
            byte[]? Next(int index)
            {
                var length = BitConverter.ToInt32(bytes, 4 + (4 * index));
                if (length < 0) return null;
                if (length > bytes.Length - at) throw new InvalidDataException("truncated cache entry");
                var part = bytes.AsSpan(at, length).ToArray();
                at += length;
                return part;
            }

            var minified = Next(0);
            var gzip = Next(1);
            var brotli = Next(2);
            var facts = Next(3) is { } json ? JsonSerializer.Deserialize(json, CacheJson.Default.PageFacts) : null;
            if (minified is null || at != bytes.Length) return null;
            _used[key] = 0;
            return new Page(minified, gzip, brotli, facts);
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidDataException or UnauthorizedAccessException)
        {
            return null; // A missing or damaged entry is a miss; the page is simply made again.
        }
    }

    public void PutPage(string key, Page page)
    {
        _used[key] = 0;
        var facts = page.Facts is null ? null : JsonSerializer.SerializeToUtf8Bytes(page.Facts, CacheJson.Default.PageFacts);
        byte[]?[] parts = [page.Bytes, page.Gzip, page.Brotli, facts];
        using var entry = new MemoryStream();
        entry.Write(PageMagic);
        foreach (var part in parts) entry.Write(BitConverter.GetBytes(part?.Length ?? -1));
        foreach (var part in parts) entry.Write(part ?? []);
        entry.Write(Checksum("page", key, entry.GetBuffer().AsSpan(0, (int)entry.Length)));
        Write(EntryPath("pages", key) + ".page", entry.ToArray());
    }

    // Article entries, article keys and what each article.yml said live in one file, the article index (ArticleIndex): a
    // one-chapter rebuild of a 1,000-article journal opened, checked and decoded 2,000 small files for the first two.
    private string IndexPath => Path.Combine(_folder, ArticleIndex.FileName);

    public ArticleEntry? GetArticle(string key) => _index.GetArticle(key);

    public void PutArticle(string key, ArticleEntry article) => _index.PutArticle(key, ArticleEntryCodec.Write(article));

    /// <summary>Keeps a page entry through <see cref="Finish"/> without reading it (its page was linked from the last good site).</summary>
    public void Keep(string key) => _used[key] = 0;

    /// <summary>The article key last computed for an article folder whose files had these stamps (a key of <see cref="Content.ArticleContent.FolderStamp"/> and what else the article depends on); null when unknown.</summary>
    public string? ArticleKeyFor(string stampKey) => _index.ArticleKeyFor(stampKey);

    public void RememberArticleKey(string stampKey, string articleKey) => _index.RememberArticleKey(stampKey, articleKey);

    public Content.ArticleMetadata? Recall(string path, PathStat stat) => RecallJson(MetadataKey(path, stat), CacheJson.Default.ArticleMetadata);

    public void Remember(string path, PathStat stat, Content.ArticleMetadata metadata) =>
        _index.PutMetadata(MetadataKey(path, stat), JsonSerializer.SerializeToUtf8Bytes(metadata, CacheJson.Default.ArticleMetadata));

    public Content.ImportMemo? RecallImport(string folder, string folderStamp) => RecallJson(ImportKey(folder, folderStamp), CacheJson.Default.ImportMemo);

    public void RememberImport(string folder, string folderStamp, Content.ImportMemo memo) =>
        _index.PutMetadata(ImportKey(folder, folderStamp), JsonSerializer.SerializeToUtf8Bytes(memo, CacheJson.Default.ImportMemo));

    // A record the article index keeps as JSON by its key, as a new object; null when unknown or not well formed.
    private T? RecallJson<T>(string key, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        if (_index.GetMetadata(key) is not { } json) return null;
        try
        {
            return JsonSerializer.Deserialize(json.Span, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The key of what an article folder's source gave: the folder and its stamp (and the tool, as every key).</summary>
    internal static string ImportKey(string folder, string folderStamp) => Key("import", folder, folderStamp);

    /// <summary>The key of what a metadata file said: its path and everything its stamp tells (and the tool, as every key).</summary>
    internal static string MetadataKey(string path, PathStat stat) =>
        Key("metadata", path, $"{stat.Kind}\u0001{stat.Length}\u0001{stat.ModifiedNs}\u0001{stat.ChangedNs}\u0001{stat.Inode}");

    /// <summary>The last good site's files as the previous build left them; empty when unknown.</summary>
    public IReadOnlyDictionary<string, FileStamp> LastOutput() =>
        _lastOutput = ReadSealed("output", "output", Path.Combine(_folder, OutputStampsFile)) is { } bytes && OutputStamps.Read(bytes) is { } stamps
            ? stamps
            : new Dictionary<string, FileStamp>();

    // The stamps read by LastOutput: a build that left every file as it was (a no-change rebuild) need not write them again.
    private IReadOnlyDictionary<string, FileStamp>? _lastOutput;

    /// <summary>Remembers the site just swapped in, for the next build's quick check.</summary>
    public void RememberOutput(IReadOnlyDictionary<string, FileStamp> files)
    {
        if (_lastOutput is { } last && last.Count == files.Count && files.All(f => last.TryGetValue(f.Key, out var stamp) && stamp == f.Value)) return;
        WriteSealed("output", "output", Path.Combine(_folder, OutputStampsFile), stream => OutputStamps.Write(files, stream));
        TryDelete(Path.Combine(_folder, "output.json")); // what caches before this one kept
    }

    // The site's stamps, binary: a build of a 1,000-article journal read and wrote 3 MB of JSON for them.
    private const string OutputStampsFile = "output.stamps";

    /// <summary>The build succeeded: writes the article index of what it used (when that changed), and prunes the cache (<see cref="Prune"/>).</summary>
    public void Finish()
    {
        if (_index.Changed && !Unwritable) WriteSealed(ArticleIndex.Kind, ArticleIndex.Kind, IndexPath, _index.Write);
        _index.Release();
        Prune();
    }

    /// <summary>Deletes every entry this build did not use, once the entries written since the last pruning reach a tenth of those this build used: the cache holds about one build's worth, and a small edit does not pay for listing the whole cache.</summary>
    /// <remarks>Temporaries of killed runs (<c>*.tmp</c> of a process no longer running) go too. Nothing is pruned when the cache could not be written.</remarks>
    private void Prune()
    {
        if (Unwritable) return;
        var written = Volatile.Read(ref _written) + WrittenSincePruning();
        if (written * 10L < _used.Count)
        {
            RememberWritten(written);
            return;
        }

        try
        {
            RememberWritten(0);
            foreach (var file in Directory.EnumerateFiles(_folder, "*.tmp")) TryDeleteLeftover(file);
            // "articles" and "stamps" are what caches before the article index kept: no entry there is used, so all go.
            foreach (var kind in new[] { "pages", "articles", "stamps" })
            {
                var root = Path.Combine(_folder, kind);
                if (!Directory.Exists(root)) continue;
                Parallel.ForEach(Directory.EnumerateDirectories(root), folder =>
                {
                    foreach (var file in Directory.EnumerateFiles(folder))
                    {
                        var name = Path.GetFileName(file);
                        if (name.EndsWith(".tmp", StringComparison.Ordinal)) TryDeleteLeftover(file);
                        else if (!_used.ContainsKey(name.Contains('.') ? name[..name.IndexOf('.')] : name)) TryDelete(file);
                    }
                });
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be listed is only not pruned.
        }
    }

    private string EntryPath(string kind, string key) => Path.Combine(_folder, kind, key[..2], key);

    private void RememberWritten(int count) =>
        WriteSealed("pruning", "pruning", Path.Combine(_folder, "pruning"), Encoding.ASCII.GetBytes(count.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    // Entries written by the builds since the cache was last pruned (a missing or damaged count is taken as "many": prune).
    private int WrittenSincePruning()
    {
        var bytes = ReadSealed("pruning", "pruning", Path.Combine(_folder, "pruning"));
        return bytes is { } read && int.TryParse(Encoding.ASCII.GetString(read), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)
            ? count : int.MaxValue / 2;
    }

    // The SHA-256 that seals an entry: its kind and key are in it, so an entry copied under another key is a miss too.
    private static byte[] Checksum(string kind, string key, ReadOnlySpan<byte> bytes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{kind}\0{key}\0"));
        hash.AppendData(bytes);
        return hash.GetHashAndReset();
    }

    // A sealed entry: one line "edition-cache <sha256>", then the bytes (JSON or a key), so it stays readable with tail -n +2.
    private static readonly byte[] SealPrefix = "edition-cache "u8.ToArray();

    private void WriteSealed(string kind, string key, string path, ReadOnlyMemory<byte> payload) =>
        WriteSealed(kind, key, path, stream => stream.Write(payload.Span));

    // Written as it is made, the seal computed on the way and put in its place at the start last: the article index and the
    // site's stamps are megabytes, and a buffer of that size is costly fresh memory.
    private void WriteSealed(string kind, string key, string path, Action<Stream> payload) => Write(path, file =>
    {
        var header = new byte[SealLength];
        file.Write(header);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{kind}\0{key}\0"));
        using (var sealing = new HashingStream(file, hash)) payload(sealing);
        SealPrefix.CopyTo(header, 0);
        Encoding.ASCII.GetBytes(Convert.ToHexStringLower(hash.GetHashAndReset())).CopyTo(header, SealPrefix.Length);
        header[SealPrefix.Length + 64] = (byte)'\n';
        file.Flush();
        file.Position = 0;
        file.Write(header);
    });

    // A regular file's bytes; null for anything else: a FIFO or a device is never opened to wait on or read without end, a link never followed.
    private static byte[]? ReadRegular(string path)
    {
        using var handle = NativeFiles.OpenRegular(path, out _);
        if (handle is null) return null;
        var length = RandomAccess.GetLength(handle);
        if (length > Array.MaxLength) return null;
        var bytes = GC.AllocateUninitializedArray<byte>((int)length);
        for (var read = 0; read < bytes.Length;)
        {
            var count = RandomAccess.Read(handle, bytes.AsSpan(read), read);
            if (count == 0) return null; // cut short while read
            read += count;
        }

        return bytes;
    }

    // Like ReadSealed, for a large file: mapped rather than read (see Files.MappedFile); the payload is part of the mapping.
    private static (ReadOnlyMemory<byte> Payload, IDisposable Owner)? ReadSealedMapped(string kind, string key, string path)
    {
        try
        {
            if (MappedFile.Open(path) is not { } file) return null;
            if (IsSealed(kind, key, file.Memory.Span)) return (file.Memory[SealLength..], file);
            ((IDisposable)file).Dispose();
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // The entry's bytes when its seal matches (the part of the file read after the seal's line, not a copy: the site's stamps
    // are megabytes); null when it is missing, damaged or edited.
    private static ArraySegment<byte>? ReadSealed(string kind, string key, string path)
    {
        try
        {
            return ReadRegular(path) is { } entry && IsSealed(kind, key, entry) ? new ArraySegment<byte>(entry, SealLength, entry.Length - SealLength) : (ArraySegment<byte>?)null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // The seal's line: "edition-cache ", 64 hex digits, a newline.
    private static int SealLength => SealPrefix.Length + 65;

    // Whether a sealed file's line matches its kind, key and the bytes after it.
    private static bool IsSealed(string kind, string key, ReadOnlySpan<byte> entry) =>
        entry.Length >= SealLength && entry[..SealPrefix.Length].SequenceEqual(SealPrefix) && entry[SealLength - 1] == (byte)'\n'
        && entry.Slice(SealPrefix.Length, 64).SequenceEqual(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(Checksum(kind, key, entry[SealLength..]))));

    // Written beside its name and renamed over it; a cache that cannot be written is given up for this build, with one warning.
    private void Write(string path, byte[] bytes) => Write(path, file => file.Write(bytes));

    private void Write(string path, Action<FileStream> write)
    {
        if (Unwritable) return;
        Interlocked.Increment(ref _written);
        var folder = Path.GetDirectoryName(path)!;
        var making = true; // the folder is being made: a failure there is the folder's (or a file in its way), not the entry's
        try
        {
            Directory.CreateDirectory(folder);
            making = false;
            // Not flushed to disk one by one: every entry is sealed (its checksum is checked when read), so one a power cut
            // cut short is a miss, never wrong bytes; a link or a FIFO where an entry goes is replaced, never followed.
            AtomicFile.Write(path, write, AtomicFile.NotAFile.Replace, flushToDisk: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (Interlocked.Exchange(ref _unwritable, 1) == 0)
            {
                var (failing, reason) = Failure(e, making ? folder : path, making);
                _diagnostics?.Warning(DiagnosticCodes.CacheNotWritable, failing, 0, 0,
                    $"the build cache cannot be written ({reason}); this build goes on without it and writes nothing more there");
            }
        }
    }

    // The path that could not be written and why: the entry, or while its folder was made, the file that stands where a folder goes.
    private static (string Path, string Reason) Failure(Exception e, string path, bool making)
    {
        if (e is UnauthorizedAccessException) return (path, "permission denied");
        if (making)
        {
            for (var part = path; !string.IsNullOrEmpty(part); part = Path.GetDirectoryName(part))
            {
                if (File.Exists(part)) return (part, "a file is where a folder should be");
            }
        }

        // .NET's message ends with " : 'path'", or is "Could not find a part of the path '…'": the path is named apart.
        return (path, e is DirectoryNotFoundException ? "a folder on its path is missing" : e.Message.Split(" : ")[0].TrimEnd('.'));
    }

    // A temporary of AtomicFile's of a process no longer running.
    private static void TryDeleteLeftover(string file)
    {
        if (AtomicFile.IsLeftover(file)) TryDelete(file);
    }

    private static void TryDelete(string file)
    {
        try { File.Delete(file); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>The cache's JSON, generated at compile time: no reflection, nothing to compile when a build starts.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(PageFacts))]
[System.Text.Json.Serialization.JsonSerializable(typeof(ArticleSummary))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Content.ArticleMetadata))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Content.ImportMemo))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Content.EditionMetadata))]
internal sealed partial class CacheJson : System.Text.Json.Serialization.JsonSerializerContext;

/// <summary>A write-only stream that passes what is written on and hashes it on the way (the seal of a cache file written as it is made).</summary>
internal sealed class HashingStream(Stream inner, IncrementalHash hash) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        hash.AppendData(buffer);
        inner.Write(buffer);
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
