using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace EditionBuilder.Fuzz;

/// <summary>FsCheck generators of broken Word exports: a corpus file with random edits aimed at the export's conventions.</summary>
public static class Mutations
{
    private static readonly string[] Tokens =
    [
        "[12]", "[1]", "[0]", "[999999999]", "[bookmark: _ftnref3]", "[bookmark: _ftnref", "[40]-", "[7]- ", "\n", "\r\n", "\r", "\n\n",
        "\u00A0", "\uFEFF", "\u202E", "\u2066", "\u0007", "<script>", "*", "_", "`", "[^3]", "[^3]:", "\\", "---", "#", "> ", "1. ",
        "- ", "&amp;", "www.example.org/a_b", "javascript:alert(1)", "\t", "أولًا:", ".", "\"", "]", "[", "!", "|",
    ];

    /// <summary>What YAML breaks on: indicators, anchors and aliases, tabs, quotes, documents, and values the metadata checks.</summary>
    public static readonly string[] YamlTokens =
    [
        ":", ": ", "&a ", "*a", "*b", "&b [*a, *a, *a, *a]", "[", "]", "{", "}", "- ", "\t", "'", "\"", "#", " #", "|", ">", "!!str ", "!!binary ", "? ",
        "---\n", "...\n", "~", "null", "\u202B", "\u0000", "\uFEFF", "\n", "\r\n", "\n  ", "\n    - ", "authors: ", "author: ", "title: ", "ar: ", "en: ",
        "name: ", "affiliation: ", "0000-0002-1825-0097", "0000-0002-1825-0098", "10.1234/x", "2024-02-30", "15/03/2024", "CC-BY-4.0", "javascript:",
        "%YAML 1.2\n", "@", "`", ",", "\\u", "\\", "pages: 9-3", "issn_print: 2049-3631", "<<: *a",
    ];

    public static Gen<byte[]> Inputs(IReadOnlyList<byte[]> corpus) => Inputs(corpus, Tokens);

    public static Gen<byte[]> Inputs(IReadOnlyList<byte[]> corpus, string[] tokens) =>
        from seed in Gen.Elements(corpus.ToArray())
        from edits in Gen.ListOf(Edit(tokens)).Select(list => list.Take(12).ToList())
        select edits.Aggregate(seed, (bytes, edit) => edit(bytes));

    private static Gen<Func<byte[], byte[]>> Edit(string[] tokens) => Gen.OneOf(
        from token in Gen.Elements(tokens)
        from at in Gen.Choose(0, int.MaxValue)
        select (Func<byte[], byte[]>)(bytes => Insert(bytes, at, Encoding.UTF8.GetBytes(token))),
        from at in Gen.Choose(0, int.MaxValue)
        from length in Gen.Choose(1, 400)
        select (Func<byte[], byte[]>)(bytes => Delete(bytes, at, length)),
        from at in Gen.Choose(0, int.MaxValue)
        from value in Gen.Choose(0, 255)
        select (Func<byte[], byte[]>)(bytes => Flip(bytes, at, (byte)value)),
        from at in Gen.Choose(0, int.MaxValue)
        select (Func<byte[], byte[]>)(bytes => bytes.Length == 0 ? bytes : bytes[..(at % bytes.Length)]),
        from line in Gen.Choose(0, int.MaxValue)
        select (Func<byte[], byte[]>)(bytes => DuplicateLine(bytes, line)));

    private static byte[] Insert(byte[] bytes, int at, byte[] token)
    {
        var i = bytes.Length == 0 ? 0 : at % (bytes.Length + 1);
        return [.. bytes[..i], .. token, .. bytes[i..]];
    }

    private static byte[] Delete(byte[] bytes, int at, int length)
    {
        if (bytes.Length == 0) return bytes;
        var i = at % bytes.Length;
        return [.. bytes[..i], .. bytes[Math.Min(bytes.Length, i + length)..]];
    }

    private static byte[] Flip(byte[] bytes, int at, byte value)
    {
        if (bytes.Length == 0) return [value];
        var copy = (byte[])bytes.Clone();
        copy[at % copy.Length] = value;
        return copy;
    }

    private static byte[] DuplicateLine(byte[] bytes, int line)
    {
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        var i = line % lines.Length;
        return Encoding.UTF8.GetBytes(string.Join('\n', lines.Take(i + 1).Append(lines[i]).Concat(lines.Skip(i + 1))));
    }
}
