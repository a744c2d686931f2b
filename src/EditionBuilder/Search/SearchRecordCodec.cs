using System.Security.Cryptography;
using System.Text;

namespace EditionBuilder.Search;

/// <summary>An article's search records as bytes for the build cache, and back; bytes that do not read back whole, or whose checksum fails, are no records (a miss), never wrong ones.</summary>
/// <remarks>The checksum is the codec's own: the preview's cache in memory has none, and a changed count that still reads (one flipped bit in a page's token count) would change every weight of the index.</remarks>
public static class SearchRecordCodec
{
    // ESR2: each page's blocks are kept as its fragment's JSON, so an unchanged article's records are read with one copy
    // of bytes where decoding every block's text into strings was most of a rebuild's reading (the text is needed only as
    // that JSON, unless something asks for the blocks).
    private static readonly byte[] Magic = "ESR2"u8.ToArray();

    /// <summary>The records as bytes.</summary>
    public static byte[] Write(IReadOnlyList<SearchRecord> records)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(records.Count);
            foreach (var record in records)
            {
                writer.Write(record.Path);
                writer.Write(record.Lang);
                writer.Write(record.Title);
                writer.Write(record.ArticleTitle);
                var fragment = EditionIndexWriter.FragmentOf(record);
                writer.Write(fragment.Length);
                writer.Write(fragment);

                writer.Write(record.Terms.Count);
                foreach (var term in record.Terms)
                {
                    writer.Write(term.Term);
                    writer.Write(term.Count);
                }

                writer.Write(record.Tokens);
            }
        }

        stream.Write(SHA256.HashData(stream.GetBuffer().AsSpan(0, (int)stream.Length)));
        return stream.ToArray();
    }

    /// <summary>The records these bytes hold; null when they are not whole records of this format.</summary>
    public static IReadOnlyList<SearchRecord>? Read(byte[] bytes)
    {
        if (bytes.Length < Magic.Length + SHA256.HashSizeInBytes) return null;
        var length = bytes.Length - SHA256.HashSizeInBytes;
        if (!SHA256.HashData(bytes.AsSpan(0, length)).AsSpan().SequenceEqual(bytes.AsSpan(length))) return null;
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, 0, length, writable: false), Encoding.UTF8);
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic)) return null;
            var count = Count(reader, length);
            var records = new List<SearchRecord>(count);
            for (var i = 0; i < count; i++)
            {
                var (path, lang, title, article) = (reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString());
                var fragment = reader.ReadBytes(Count(reader, length));
                var terms = new TermCount[Count(reader, length)];
                for (var t = 0; t < terms.Length; t++) terms[t] = new TermCount(reader.ReadString(), reader.ReadInt32());
                var record = new SearchRecord(path, lang, title, article, new FragmentBlocks(fragment), terms, reader.ReadInt32());
                EditionIndexWriter.RememberFragment(record, fragment);
                records.Add(record);
            }

            return reader.BaseStream.Position == length ? records : null;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or DecoderFallbackException or FormatException or InvalidDataException)
        {
            return null;
        }
    }

    // A count that cannot be right (negative, or more items than bytes left) ends the read as damaged.
    private static int Count(BinaryReader reader, int length)
    {
        var count = reader.ReadInt32();
        if (count < 0 || count > length) throw new InvalidDataException("a count beyond the entry");
        return count;
    }
}

/// <summary>A page's blocks read from its fragment's JSON when first asked for.</summary>
internal sealed class FragmentBlocks(byte[] fragment) : IReadOnlyList<SearchBlock>
{
    private readonly Lazy<SearchBlock[]> _blocks = new(() => EditionIndexWriter.BlocksOf(fragment));

    public SearchBlock this[int index] => _blocks.Value[index];

    public int Count => _blocks.Value.Length;

    public IEnumerator<SearchBlock> GetEnumerator() => ((IEnumerable<SearchBlock>)_blocks.Value).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
