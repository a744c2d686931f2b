using System.IO.Compression;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace EditionBuilder.Fuzz;

/// <summary>FsCheck generators of damaged and hostile .docx files: a corpus document with edits to its XML parts (tokens of WordprocessingML, cuts, duplicates) or to its zip bytes.</summary>
public static class DocxMutations
{
    private static readonly string[] Parts = ["word/document.xml", "word/footnotes.xml", "word/endnotes.xml", "word/settings.xml", "word/styles.xml", "word/numbering.xml", "[Content_Types].xml", "word/_rels/document.xml.rels"];

    private static readonly string[] Tokens =
    [
        "<w:b/>", "<w:bCs/>", "<w:i w:val=\"0\"/>", "<w:vertAlign w:val=\"superscript\"/>", "<w:rtl/>", "<w:bidi/>", "</w:r>", "<w:r>", "</w:p>", "<w:p>",
        "<w:t>*_[^1]|~^</w:t>", "<w:t xml:space=\"preserve\">  </w:t>", "<w:br/>", "<w:tab/>", "<w:softHyphen/>", "<w:sym w:font=\"Wingdings\" w:char=\"F0E0\"/>",
        "<w:footnoteReference w:id=\"1\"/>", "<w:footnoteReference w:id=\"99\"/>", "<w:endnoteReference w:id=\"1\"/>", "<w:footnoteReference w:customMarkFollows=\"1\" w:id=\"2\"/><w:t>†</w:t>",
        "<w:fldChar w:fldCharType=\"begin\"/>", "<w:instrText> HYPERLINK \"javascript:alert(1)\" </w:instrText>", "<w:fldChar w:fldCharType=\"separate\"/>", "<w:fldChar w:fldCharType=\"end\"/>",
        "<w:pStyle w:val=\"Heading1\"/>", "<w:outlineLvl w:val=\"0\"/>", "<w:numPr><w:ilvl w:val=\"3\"/><w:numId w:val=\"1\"/></w:numPr>", "<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>",
        "<w:del><w:r><w:delText>x</w:delText></w:r></w:del>", "<w:ins><w:r><w:t>y</w:t></w:r></w:ins>", "<mc:AlternateContent>", "<w:sectPr><w:footnotePr><w:numRestart w:val=\"eachSect\"/></w:footnotePr></w:sectPr>",
        "<w:numFmt w:val=\"arabicAbjad\"/>", "<w:numStart w:val=\"-5\"/>", "<!DOCTYPE x [<!ENTITY e \"e\">]>", "&e;", "\u202E", "\u0001", "\uFFFF", "]]>", "<?pi?>",
    ];

    public static Gen<byte[]> Inputs(IReadOnlyList<byte[]> corpus) =>
        from seed in Gen.Elements(corpus.ToArray())
        from edits in Gen.ListOf(Edit()).Select(list => list.Take(6).ToList())
        select edits.Aggregate(seed, (bytes, edit) => edit(bytes));

    private static Gen<Func<byte[], byte[]>> Edit() => Gen.OneOf(
        from part in Gen.Elements(Parts)
        from token in Gen.Elements(Tokens)
        from at in Gen.Choose(0, int.MaxValue)
        select (Func<byte[], byte[]>)(bytes => EditPart(bytes, part, text => text.Insert(Position(text, at), token))),
        from part in Gen.Elements(Parts)
        from at in Gen.Choose(0, int.MaxValue)
        from length in Gen.Choose(1, 300)
        select (Func<byte[], byte[]>)(bytes => EditPart(bytes, part, text => text.Length == 0 ? text : text.Remove(Position(text, at) % text.Length, Math.Min(length, text.Length - (Position(text, at) % text.Length))))),
        from part in Gen.Elements(Parts)
        from at in Gen.Choose(0, int.MaxValue)
        from length in Gen.Choose(1, 2000)
        select (Func<byte[], byte[]>)(bytes => EditPart(bytes, part, text => { var i = Position(text, at); var n = Math.Min(length, text.Length - i); return text.Insert(i, text.Substring(i, n)); })),
        from at in Gen.Choose(0, int.MaxValue)
        from value in Gen.Choose(0, 255)
        select (Func<byte[], byte[]>)(bytes => { var copy = bytes.ToArray(); if (copy.Length > 0) copy[at % copy.Length] = (byte)value; return copy; }),
        from at in Gen.Choose(0, int.MaxValue)
        select (Func<byte[], byte[]>)(bytes => bytes.Length == 0 ? bytes : bytes[..(at % bytes.Length)]));

    private static int Position(string text, int at) => text.Length == 0 ? 0 : at % (text.Length + 1);

    // Rewrites one entry of the zip; a file that is no longer a readable zip (or not writable again) is left as it is (the byte edits cover that).
    private static byte[] EditPart(byte[] docx, string name, Func<string, string> edit)
    {
        try
        {
            using var stream = new MemoryStream();
            stream.Write(docx);
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
            {
                var entry = zip.GetEntry(name);
                if (entry is null) return docx;
                string text;
                using (var reader = new StreamReader(entry.Open(), Encoding.UTF8)) text = reader.ReadToEnd();
                entry.Delete();
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(edit(text));
            }

            return stream.ToArray();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            return docx;
        }
    }
}
