using System.Text.Json;
using EditionBuilder.Site;

namespace EditionBuilder.Cache;

/// <summary>An article's cache entry as compact binary: what an unchanged article replays (its summary, its files, each page's verification facts).</summary>
/// <remarks>
/// A no-change build of a 1,000-article journal reads every article's entry; as JSON (49 KB an article, mostly the pages'
/// links and ids) parsing them was the largest cost of that build. Here strings are written once per entry and later named
/// by their number (a page's links repeat the same few elements, rels and targets), and the summary stays JSON (small,
/// and its fields grow with the theme). The entry is sealed by <see cref="BuildCache"/> like every other: this reader only
/// refuses what is malformed, and a refused entry is a miss.
/// </remarks>
internal static class ArticleEntryCodec
{
    private static readonly byte[] Magic = "EBA4"u8.ToArray();

    public static byte[] Write(BuildCache.Article article)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8);
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        void Text(string value)
        {
            if (strings.TryGetValue(value, out var index))
            {
                writer.Write7BitEncodedInt(index + 1);
                return;
            }

            writer.Write7BitEncodedInt(0);
            writer.Write(value);
            strings[value] = strings.Count;
        }

        // A block of bytes, after its length.
        void Block(byte[] bytes)
        {
            writer.Write7BitEncodedInt(bytes.Length);
            writer.Write(bytes);
        }

        writer.Write(Magic);
        Block(JsonSerializer.SerializeToUtf8Bytes(article.Summary, CacheJson.Default.ArticleSummary));
        writer.Write7BitEncodedInt(article.Files.Count);
        foreach (var file in article.Files)
        {
            Text(file.Path);
            Text(file.Key);
            writer.Write7BitEncodedInt(file.Outputs.Count);
            foreach (var output in file.Outputs)
            {
                Text(output.Path);
                writer.Write7BitEncodedInt64(output.Length);
                Text(output.Sha256);
            }

            writer.Write(file.Facts is not null);
            if (file.Facts is not { } facts) continue;
            Text(facts.Path);
            Block(PackedIds.Pack(facts.Ids));
            writer.Write7BitEncodedInt(facts.Links.Count);
            foreach (var link in facts.Links)
            {
                Text(link.Element);
                Text(link.Rel);
                Text(link.Target);
                writer.Write7BitEncodedInt(link.Line);
                writer.Write7BitEncodedInt(link.Column);
            }

            writer.Write7BitEncodedInt(facts.References);
            writer.Write(facts.Searchable);
            writer.Write7BitEncodedInt(facts.CheckedLinks);
        }

        writer.Flush();
        return stream.ToArray();
    }

    /// <summary>The entry, or null when its bytes are not one (truncated, a count out of range, a string named before it was given).</summary>
    public static BuildCache.Article? Read(byte[] bytes)
    {
        try
        {
            if (bytes.Length < Magic.Length || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic)) return null;
            using var reader = new BinaryReader(new MemoryStream(bytes, Magic.Length, bytes.Length - Magic.Length, writable: false), System.Text.Encoding.UTF8);
            var strings = new List<string>();
            string Text()
            {
                var index = reader.Read7BitEncodedInt();
                if (index == 0)
                {
                    var value = reader.ReadString();
                    strings.Add(value);
                    return value;
                }

                return index <= strings.Count ? strings[index - 1] : throw new InvalidDataException("a string named before it was given");
            }

            // Every count is bounded by the bytes left, so a damaged count never allocates more than the entry holds.
            int Count()
            {
                var count = reader.Read7BitEncodedInt();
                return count >= 0 && count <= bytes.Length ? count : throw new InvalidDataException("a count out of range");
            }

            var summary = JsonSerializer.Deserialize(reader.ReadBytes(Count()), CacheJson.Default.ArticleSummary);
            if (summary is null) return null;
            var files = new BuildCache.CachedFile[Count()];
            for (var i = 0; i < files.Length; i++)
            {
                var path = Text();
                var key = Text();
                var outputs = new BuildCache.OutputFile[Count()];
                for (var j = 0; j < outputs.Length; j++) outputs[j] = new BuildCache.OutputFile(Text(), reader.Read7BitEncodedInt64(), Text());
                PageFacts? facts = null;
                if (reader.ReadBoolean())
                {
                    var factsPath = Text();
                    var block = reader.ReadBytes(Count());
                    var ids = PackedIds.From(block) ?? throw new InvalidDataException("a page's ids are not well formed");
                    var links = new LinkFact[Count()];
                    for (var j = 0; j < links.Length; j++) links[j] = new LinkFact(Text(), Text(), Text(), reader.Read7BitEncodedInt(), reader.Read7BitEncodedInt());
                    facts = new PageFacts(factsPath, ids, links, reader.Read7BitEncodedInt(), reader.ReadBoolean(), Count());
                }

                files[i] = new BuildCache.CachedFile(path, key, outputs, facts);
            }

            return reader.BaseStream.Position == reader.BaseStream.Length ? new BuildCache.Article(summary, files) : null;
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException or InvalidDataException or JsonException or IOException or ArgumentException)
        {
            return null;
        }
    }
}
