using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EditionBuilder.Site;

namespace EditionBuilder.Search;

/// <summary>The edition's own search index (docs/search.md, "The index format"): every page's record merged into <c>search/index.js</c> (the manifest), <c>search/c/&lt;i&gt;.js</c> (the terms, in chunks of about 16 KiB) and <c>search/f/&lt;page&gt;.js</c> (what a result shows), each a script holding one <c>EditionSearch.data</c> call.</summary>
public static class EditionIndexWriter
{
    /// <summary>Where the index lives in the site.</summary>
    public const string Folder = "search/";

    /// <summary>The format's version, in the manifest and in every cache key of a record.</summary>
    public const int Version = 1;

    /// <summary>A chunk grows until the next term would take its JSON past this many UTF-8 bytes.</summary>
    public const int ChunkBytes = 16 * 1024;

    // BM25's constants, folded into each posting's weight so the page scores with one multiplication by the term's idf.
    private const double K1 = 1.2;
    private const double B = 0.75;

    // A record's fragment JSON depends on the record alone (records are immutable): made once per record object, so the
    // preview, which keeps its records between rebuilds, does not encode every page's text again after each edit.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SearchRecord, byte[]> Fragments = new();

    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    private static readonly JsonWriterOptions Compact = new() { Encoder = Encoder, Indented = false, SkipValidation = false };

    /// <summary>The index files of these records, sorted by path; the records must come in ordinal path order (their page numbers).</summary>
    public static IReadOnlyList<SiteFile> Write(IReadOnlyList<SearchRecord> records)
    {
        for (var i = 1; i < records.Count; i++)
        {
            if (string.CompareOrdinal(records[i - 1].Path, records[i].Path) >= 0) throw new ArgumentException("records must come in ordinal path order, each path once", nameof(records));
        }

        var files = new List<SiteFile>(records.Count + 64);
        var (chunks, firsts) = Chunks(records);
        Diagnostics.PhaseClock.Mark($"search: {firsts.Count} chunks");
        for (var i = 0; i < chunks.Count; i++) files.Add(Script($"c/{i.ToString(CultureInfo.InvariantCulture)}", chunks[i]));
        // Fragments are most of the index's bytes: made on every core, and once per record (the preview keeps its records).
        var fragments = new SiteFile[records.Count];
        Parallel.For(0, records.Count, page => fragments[page] = Script($"f/{page.ToString(CultureInfo.InvariantCulture)}", FragmentOf(records[page])));
        files.AddRange(fragments);
        Diagnostics.PhaseClock.Mark($"search: {fragments.Length} fragments");
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        files.Add(Script("index", Manifest(Key(files), records.Count, firsts)));
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return files;
    }

    /// <summary>A record's fragment JSON (<c>{"u":…,"b":[…]}</c>), made once per record object.</summary>
    internal static byte[] FragmentOf(SearchRecord record) => Fragments.GetValue(record, Fragment);

    /// <summary>Gives a record read from the cache the fragment JSON it was stored as.</summary>
    internal static void RememberFragment(SearchRecord record, byte[] fragment) => Fragments.AddOrUpdate(record, fragment);

    /// <summary>The blocks a fragment's JSON holds.</summary>
    /// <exception cref="JsonException">The bytes are not a fragment.</exception>
    internal static SearchBlock[] BlocksOf(byte[] fragment)
    {
        using var json = JsonDocument.Parse(fragment);
        return json.RootElement.GetProperty("b").EnumerateArray().Select(b => new SearchBlock(b[0].GetString()!, b[1].GetString()!)).ToArray();
    }

    /// <summary>A posting's weight: the term's BM25 saturation in the page, 1 to 255.</summary>
    public static int Weight(int count, int length, double average)
    {
        var norm = average > 0 ? 1 - B + B * length / average : 1;
        var score = count * (K1 + 1) / (count + K1 * norm) / (K1 + 1);
        return Math.Clamp((int)Math.Round(255 * score, MidpointRounding.AwayFromZero), 1, 255);
    }

    // Every term's postings, pages ascending, in two arrays: the terms numbered (TermNumbers), counted, then each page's
    // postings placed in page order; then the terms that occur sorted by their text.
    private static (List<byte[]> Chunks, List<string> Firsts) Chunks(IReadOnlyList<SearchRecord> records)
    {
        var average = records.Count == 0 ? 0 : records.Sum(r => (double)r.Tokens) / records.Count;
        var numbered = new int[records.Count][];
        for (var page = 0; page < records.Count; page++) numbered[page] = TermNumbers.Of(records[page]); // one lock: in turn, not in parallel
        var names = TermNumbers.Known();
        var starts = new int[names.Length + 1];
        foreach (var ids in numbered)
        {
            foreach (var id in ids) starts[id + 1]++;
        }

        for (var id = 1; id < starts.Length; id++) starts[id] += starts[id - 1];
        var next = starts[..^1];
        var pages = new int[starts[^1]];
        var weights = new int[starts[^1]];
        for (var page = 0; page < records.Count; page++)
        {
            var record = records[page];
            var ids = numbered[page];
            for (var k = 0; k < ids.Length; k++)
            {
                var at = next[ids[k]]++;
                pages[at] = page;
                weights[at] = Weight(record.Terms[k].Count, record.Tokens, average);
            }
        }

        var terms = Enumerable.Range(0, names.Length).Where(id => starts[id + 1] > starts[id]).ToArray();
        Array.Sort(terms, (a, b) => string.CompareOrdinal(names[a], names[b]));
        Diagnostics.PhaseClock.Mark($"search: postings of {terms.Length} terms");
        var chunks = new List<byte[]>();
        var firsts = new List<string>();
        var chunk = new ArrayBufferWriter<byte>(ChunkBytes + 1024);
        var entry = new ArrayBufferWriter<byte>(256);
        foreach (var id in terms)
        {
            var term = names[id];
            entry.ResetWrittenCount();
            Entry(entry, term, pages.AsSpan(starts[id], starts[id + 1] - starts[id]), weights.AsSpan(starts[id], starts[id + 1] - starts[id]));
            // The chunk's JSON is "{" + entries joined by "," + "}".
            if (chunk.WrittenCount > 0 && chunk.WrittenCount + 1 + entry.WrittenCount + 1 > ChunkBytes)
            {
                chunks.Add(Close(chunk));
                chunk.ResetWrittenCount();
            }

            if (chunk.WrittenCount == 0)
            {
                firsts.Add(term);
                chunk.Write("{"u8);
            }
            else
            {
                chunk.Write(","u8);
            }

            chunk.Write(entry.WrittenSpan);
        }

        if (chunk.WrittenCount > 0) chunks.Add(Close(chunk));
        return (chunks, firsts);
    }

    private static byte[] Close(ArrayBufferWriter<byte> chunk)
    {
        chunk.Write("}"u8);
        return chunk.WrittenSpan.ToArray();
    }

    // "term":[page,weight,page delta,weight,...]
    private static void Entry(ArrayBufferWriter<byte> to, string term, ReadOnlySpan<int> pages, ReadOnlySpan<int> weights)
    {
        to.Write("\""u8);
        to.Write(JsonEncodedText.Encode(term, Encoder).EncodedUtf8Bytes);
        to.Write("\":["u8);
        Span<byte> digits = stackalloc byte[11];
        var previous = 0;
        for (var i = 0; i < pages.Length; i++)
        {
            if (i > 0) to.Write(","u8);
            var page = pages[i];
            Number(to, i == 0 ? page : page - previous, digits);
            previous = page;
            to.Write(","u8);
            Number(to, weights[i], digits);
        }

        to.Write("]"u8);
    }

    private static void Number(ArrayBufferWriter<byte> to, int value, Span<byte> digits)
    {
        value.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
        to.Write(digits[..written]);
    }

    // {"u":"<url>","l":"<lang>","t":"<title>","a":"<article title>","b":[["<anchor>","<text>"],...]}
    private static byte[] Fragment(SearchRecord record)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer, Compact))
        {
            json.WriteStartObject();
            json.WriteString("u", record.Path);
            json.WriteString("l", record.Lang);
            json.WriteString("t", record.Title);
            json.WriteString("a", record.ArticleTitle);
            json.WriteStartArray("b");
            foreach (var block in record.Blocks)
            {
                json.WriteStartArray();
                json.WriteStringValue(block.Anchor);
                json.WriteStringValue(block.Text);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    // {"v":1,"k":"<12 hex>","n":<pages>,"c":[first terms]}
    private static byte[] Manifest(string key, int pages, List<string> firsts)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + firsts.Count * 16);
        using (var json = new Utf8JsonWriter(buffer, Compact))
        {
            json.WriteStartObject();
            json.WriteNumber("v", Version);
            json.WriteString("k", key);
            json.WriteNumber("n", pages);
            json.WriteStartArray("c");
            foreach (var first in firsts) json.WriteStringValue(first);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    // The first 12 hex digits of SHA-256 over the other files' bytes in path order: a rebuilt index is never mixed with a cached one.
    private static string Key(IEnumerable<SiteFile> sorted)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in sorted) hash.AppendData(file.Bytes);
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }

    // EditionSearch.data("<name>",<json>);\n
    private static SiteFile Script(string name, byte[] json)
    {
        var head = Encoding.UTF8.GetBytes($"EditionSearch.data(\"{name}\",");
        var bytes = new byte[head.Length + json.Length + 3];
        head.CopyTo(bytes, 0);
        json.CopyTo(bytes, head.Length);
        ");\n"u8.CopyTo(bytes.AsSpan(head.Length + json.Length));
        return new SiteFile(Folder + name + ".js", bytes);
    }
}
