using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using EditionBuilder.Diagnostics;

namespace EditionBuilder.Import.Docx;

/// <summary>
/// A .docx opened safely: the bytes are checked to be a Word document (not an old .doc, an encrypted file or a .docm),
/// the zip's directory is checked against <see cref="DocxLimits"/> before anything is inflated, every XML part refuses a
/// DTD (never resolved), and every part is read through a bound, so a lying directory cannot inflate more than allowed.
/// </summary>
internal sealed class DocxPackage : IDisposable
{
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private readonly DocxLimits _limits;
    private long _inflated;

    private DocxPackage(string path, WordprocessingDocument document, DocxLimits limits)
    {
        Path = path;
        Document = document;
        _limits = limits;
    }

    /// <summary>The path diagnostics name: the .docx file.</summary>
    public string Path { get; }

    public WordprocessingDocument Document { get; }

    public MainDocumentPart Main => Document.MainDocumentPart!;

    private const string StrictRelationships = "http://purl.oclc.org/ooxml/officeDocument/relationships/";

    /// <summary>A part of the main part as the SDK types it, or else the one its Strict Open XML relationship names ("styles", "footnotes"…).</summary>
    public OpenXmlPart? Related(OpenXmlPart? typed, string kind) =>
        typed ?? Main.Parts.Select(p => p.OpenXmlPart).FirstOrDefault(p => p.RelationshipType == StrictRelationships + kind);

    /// <summary>The target of a hyperlink relationship of a part (Transitional or Strict), or null.</summary>
    public static string? HyperlinkTarget(OpenXmlPart part, string id) =>
        (part.HyperlinkRelationships.FirstOrDefault(r => r.Id == id)
            ?? (ReferenceRelationship?)part.ExternalRelationships.FirstOrDefault(r => r.Id == id && r.RelationshipType == StrictRelationships + "hyperlink"))?.Uri.OriginalString;

    /// <summary>Where a problem is: "file.docx:word/document.xml:paragraph 12".</summary>
    public string Where(OpenXmlPart? part, int paragraph = 0) =>
        Path + (part is null ? string.Empty : ":" + part.Uri.OriginalString.TrimStart('/')) + (paragraph > 0 ? $":paragraph {paragraph}" : string.Empty);

    public static DocxPackage? Open(string path, byte[] bytes, DocxLimits limits, DiagnosticBag diagnostics)
    {
        if (!IsWordPackage(path, bytes, limits, diagnostics)) return null;
        try
        {
            using var zip = OpenZip(path, bytes, diagnostics);
            if (zip is null || !CheckDirectory(path, zip, limits, diagnostics) || !CheckEntries(path, zip, limits, diagnostics)) return null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // The zip's directory is read lazily: a damaged one shows only when its entries are listed.
            diagnostics.Error(DiagnosticCodes.DocxNotAZip, path, 0, 0, "the zip inside this .docx is damaged (truncated or not a zip); save the document again");
            return null;
        }

        WordprocessingDocument document;
        try
        {
            document = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false, new OpenSettings
            {
                AutoSave = false,
                MaxCharactersInPart = limits.MaxPartBytes,
            });
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException or FormatException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            ReportDamaged(path, bytes, diagnostics);
            return null;
        }

        if (!HasMainPart(document))
        {
            document.Dispose();
            diagnostics.Error(DiagnosticCodes.DocxPartMissing, path, 0, 0, "the document has no main part (word/document.xml): it is not a Word document, or it is damaged");
            return null;
        }

        return new DocxPackage(path, document, limits);
    }

    /// <summary>EB0506 for a package that cannot be read, naming the relationship and the part it misses when that is the cause.</summary>
    public static void ReportDamaged(string path, byte[] bytes, DiagnosticBag diagnostics)
    {
        if (MissingTarget(bytes) is { } missing)
        {
            diagnostics.Error(DiagnosticCodes.DocxDamaged, path + ":" + missing.Relationships, 0, 0,
                $"the relationship {missing.Id} names the part {missing.Target}, which the file does not hold: the document is damaged; open it in Word and save it again");
            return;
        }

        diagnostics.Error(DiagnosticCodes.DocxDamaged, path, 0, 0,
            "this .docx cannot be read as a Word document (its parts or their relationships are damaged); open it in Word and save it again");
    }

    private static bool HasMainPart(WordprocessingDocument document)
    {
        try
        {
            return document.MainDocumentPart is not null;
        }
        catch (Exception e) when (IsPackageFault(e))
        {
            return false;
        }
    }

    /// <summary>True for what the SDK and System.IO.Packaging throw on a damaged package (a missing part, a bad relationship), as opposed to a fault of this tool.</summary>
    public static bool IsPackageFault(Exception e) =>
        e is OpenXmlPackageException or InvalidDataException or XmlException or FormatException or IOException
        || (e is InvalidOperationException or ArgumentException or KeyNotFoundException && ThrownByPackageCode(e.StackTrace));

    /// <summary>Whether the innermost frame of a stack trace is in System.IO.Packaging or the Open XML SDK.</summary>
    /// <remarks>Read from the trace's text, not <see cref="Exception.TargetSite"/>, which needs reflection metadata that a trimmed or Native AOT program may not have (IL2026); the text keeps method names in both.</remarks>
    public static bool ThrownByPackageCode(string? stackTrace)
    {
        if (string.IsNullOrEmpty(stackTrace)) return false;
        var first = stackTrace.AsSpan().TrimStart();
        var end = first.IndexOfAny('\n', '(');
        if (end >= 0) first = first[..end];
        // "   at System.IO.Packaging.ZipPackage.GetPartCore(Uri partUri)": the word before the method is the runtime's, and may be translated.
        var method = first[(first.LastIndexOf(' ') + 1)..];
        return method.StartsWith("System.IO.Packaging.", StringComparison.Ordinal) || method.StartsWith("DocumentFormat.OpenXml.", StringComparison.Ordinal);
    }

    // What the first bytes say: a zip (a .docx), an OLE container (an old .doc, or an encrypted .docx), RTF, or something else.
    private static bool IsWordPackage(string path, byte[] bytes, DocxLimits limits, DiagnosticBag diagnostics)
    {
        if (bytes.Length == 0)
        {
            diagnostics.Error(DiagnosticCodes.DocxNotAZip, path, 0, 0, "the file is empty");
            return false;
        }

        if (bytes.Length > limits.MaxFileBytes)
        {
            diagnostics.Error(DiagnosticCodes.DocxTooLarge, path, 0, 0, $"the file is larger than {limits.MaxFileBytes / (1024 * 1024)} MiB; split the article or make its images smaller");
            return false;
        }

        if (bytes.AsSpan().StartsWith(OleSignature))
        {
            // An encrypted .docx is an OLE container holding EncryptionInfo and EncryptedPackage streams (names in UTF-16).
            var encrypted = bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes("EncryptedPackage")) >= 0;
            diagnostics.Error(encrypted ? DiagnosticCodes.DocxEncrypted : DiagnosticCodes.DocxOldWord, path, 0, 0, encrypted
                ? "the document is protected by a password (it is encrypted); in Word remove the password (File → Info → Protect Document) and save it again"
                : "this is an old binary Word document (.doc); open it in Word and save it as .docx (File → Save As → Word Document)");
            return false;
        }

        if (bytes.AsSpan().StartsWith("{\\rtf"u8))
        {
            diagnostics.Error(DiagnosticCodes.DocxNotAZip, path, 0, 0, "this is an RTF file, not a .docx; open it in Word and save it as .docx");
            return false;
        }

        if (bytes.AsSpan().StartsWith("PK\x05\x06"u8))
        {
            // A zip's end record alone: a zip that holds no file at all.
            diagnostics.Error(DiagnosticCodes.DocxNotAZip, path, 0, 0, "this is an empty zip (it holds no file), not a Word document: save the document from Word as .docx");
            return false;
        }

        if (!bytes.AsSpan().StartsWith("PK\x03\x04"u8))
        {
            diagnostics.Error(DiagnosticCodes.DocxNotAZip, path, 0, 0, "this is not a Word document: a .docx is a zip file, and this file is not one");
            return false;
        }

        return true;
    }

    private static ZipArchive? OpenZip(string path, byte[] bytes, DiagnosticBag diagnostics)
    {
        try
        {
            return new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            diagnostics.Error(DiagnosticCodes.DocxNotAZip, path, 0, 0, "the zip inside this .docx is damaged (truncated or not a zip); save the document again");
            return null;
        }
    }

    // The directory's sizes, before anything is inflated: entry count, each entry's size, the total, and the ratio.
    private static bool CheckDirectory(string path, ZipArchive zip, DocxLimits limits, DiagnosticBag diagnostics)
    {
        if (zip.Entries.Count > limits.MaxEntries)
        {
            diagnostics.Error(DiagnosticCodes.DocxZipBomb, path, 0, 0, $"the zip holds {zip.Entries.Count} entries, more than the {limits.MaxEntries} a document needs; it is refused unread");
            return false;
        }

        long total = 0;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            var ratio = entry.CompressedLength == 0 ? entry.Length : (double)entry.Length / entry.CompressedLength;
            var limit = IsImage(entry.FullName) ? limits.MaxImageBytes : limits.MaxPartBytes;
            if (entry.Length > Math.Max(limit, limits.MaxPartBytes) || (entry.Length > limits.RatioCheckedFrom && ratio > limits.MaxRatio) || total > limits.MaxTotalBytes)
            {
                diagnostics.Error(DiagnosticCodes.DocxZipBomb, path + ":" + entry.FullName, 0, 0,
                    $"this entry would inflate to {entry.Length:N0} bytes ({ratio:0}× its compressed size; total so far {total:N0}): more than a document holds, so the file is refused unread");
                return false;
            }
        }

        var contentTypes = zip.GetEntry("[Content_Types].xml");
        if (contentTypes is null)
        {
            diagnostics.Error(DiagnosticCodes.DocxPartMissing, path, 0, 0, "the zip has no [Content_Types].xml: it is not a Word document");
            return false;
        }

        // A .docm declares a macro-enabled main part; its macros are never run, and the file is refused so nobody thinks they were kept.
        var types = ReadBounded(contentTypes.Open(), limits.MaxPartBytes);
        if (types is not null && Encoding.UTF8.GetString(types).Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || zip.Entries.Any(e => e.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
        {
            diagnostics.Error(DiagnosticCodes.DocxMacros, path, 0, 0,
                "this is a macro-enabled document (.docm); macros are never run: in Word save it as a plain Word Document (.docx), which leaves them out");
            return false;
        }

        return true;
    }

    // Every XML entry is checked for a DTD before the SDK reads it; the package's own small parts are read whole, through the bound.
    private static bool CheckEntries(string path, ZipArchive zip, DocxLimits limits, DiagnosticBag diagnostics)
    {
        var ok = true;
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
        {
            var whole = entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase) || entry.FullName == "[Content_Types].xml";
            XmlReader? reader = null;
            try
            {
                using var stream = new BoundedStream(entry.Open(), limits.MaxPartBytes);
                reader = XmlReader.Create(stream, Settings(limits));
                while (reader.Read())
                {
                    if (!whole && reader.NodeType == XmlNodeType.Element) break;
                }
            }
            catch (XmlException e)
            {
                ok = false;
                ReportXml(path + ":" + entry.FullName, e, reader as IXmlLineInfo, diagnostics);
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                ok = false;
                diagnostics.Error(DiagnosticCodes.DocxZipBomb, path + ":" + entry.FullName, 0, 0, "this entry is damaged or inflates to more than its directory says; the file is refused");
            }
            finally
            {
                reader?.Dispose();
            }
        }

        return ok;
    }

    private static void ReportXml(string where, XmlException e, IXmlLineInfo? position, DiagnosticBag diagnostics)
    {
        var dtd = e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("DOCTYPE", StringComparison.OrdinalIgnoreCase);
        var (line, column) = e.LineNumber > 0 ? (e.LineNumber, e.LinePosition) : position is { LineNumber: > 0 } p ? (p.LineNumber, p.LinePosition) : (1, 1);
        diagnostics.Error(dtd ? DiagnosticCodes.DocxDtd : DiagnosticCodes.DocxBadXml, where, line, column, dtd
            ? "the XML declares a DTD (<!DOCTYPE …>); Word never writes one and it is never read, so the file is refused"
            : "the XML is not well-formed; open the document in Word and save it again");
    }

    private static XmlReaderSettings Settings(DocxLimits limits) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = limits.MaxPartBytes,
        CloseInput = true,
    };

    private static bool IsImage(string name) => name.StartsWith("word/media/", StringComparison.OrdinalIgnoreCase);

    /// <summary>How deep a part's XML may nest. Word's deepest (a text box in a table in a table, a grouped drawing) is far less; LINQ to XML pays the depth for every element it adds, so the bound keeps a load linear.</summary>
    public const int MaxXmlDepth = 256;

    /// <summary>Loads a part's XML (no DTD, through the bound, nesting at most <see cref="MaxXmlDepth"/> deep), Strict Open XML read as Transitional; null with an error when it cannot.</summary>
    public XDocument? Load(OpenXmlPart part, DiagnosticBag diagnostics)
    {
        if (!NestsWithinLimit(part, diagnostics)) return null;
        XmlReader? reader = null;
        try
        {
            using var stream = new BoundedStream(part.GetStream(FileMode.Open, FileAccess.Read), Remaining(_limits.MaxPartBytes), n => _inflated += n);
            reader = XmlReader.Create(stream, Settings(_limits));
            var document = XDocument.Load(reader, LoadOptions.None);
            StrictOpenXml.ToTransitional(document);
            return document;
        }
        catch (XmlException e)
        {
            ReportXml(Where(part), e, reader as IXmlLineInfo, diagnostics);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            diagnostics.Error(DiagnosticCodes.DocxZipBomb, Where(part), 0, 0, "this part is damaged or inflates to more than allowed; the file is refused");
        }
        finally
        {
            reader?.Dispose();
        }

        return null;
    }

    // A first pass with a bare reader (linear whatever the depth) refuses a part nested past the limit before LINQ to XML,
    // which walks up to the root for every element it adds, would take time quadratic in the depth.
    private bool NestsWithinLimit(OpenXmlPart part, DiagnosticBag diagnostics)
    {
        XmlReader? reader = null;
        try
        {
            using var stream = new BoundedStream(part.GetStream(FileMode.Open, FileAccess.Read), Remaining(_limits.MaxPartBytes));
            reader = XmlReader.Create(stream, Settings(_limits));
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.Depth < MaxXmlDepth) continue;
                var position = (IXmlLineInfo)reader;
                diagnostics.Error(DiagnosticCodes.DocxXmlTooDeep, Where(part), position.LineNumber, position.LinePosition,
                    $"the XML nests more than {MaxXmlDepth} elements deep (tables, content controls or other structures inside one another); no document Word writes is this deep, so it is refused unread");
                return false;
            }

            return true;
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or IOException)
        {
            // The load that follows reports it with its position.
            return true;
        }
        finally
        {
            reader?.Dispose();
        }
    }

    /// <summary>The first relationship of the package whose internal target is not in the zip, as "word/_rels/document.xml.rels" and "word/footnotes.xml"; null when every target is there.</summary>
    public static (string Relationships, string Id, string Target)? MissingTarget(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var names = new HashSet<string>(zip.Entries.Select(e => e.FullName), StringComparer.OrdinalIgnoreCase);
            foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)).OrderBy(e => e.FullName.Length).ThenBy(e => e.FullName, StringComparer.Ordinal))
            {
                // word/_rels/document.xml.rels holds the relationships of word/document.xml; targets are relative to word/.
                var folder = entry.FullName[..Math.Max(0, entry.FullName.LastIndexOf("_rels/", StringComparison.Ordinal))];
                var text = ReadBounded(entry.Open(), 4 * 1024 * 1024);
                if (text is null) continue;
                using var reader = XmlReader.Create(new MemoryStream(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
                var rels = XDocument.Load(reader);
                foreach (var relationship in rels.Root?.Elements().Where(e => e.Name.LocalName == "Relationship") ?? [])
                {
                    if (relationship.Attribute("TargetMode")?.Value == "External" || relationship.Attribute("Target")?.Value is not { Length: > 0 } target) continue;
                    var resolved = Resolve(folder, Uri.UnescapeDataString(target));
                    if (!names.Contains(resolved)) return (entry.FullName, relationship.Attribute("Id")?.Value ?? "?", resolved);
                }
            }
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or IOException or UriFormatException)
        {
            return null;
        }

        return null;
    }

    // A relationship's target against its source's folder: "../media/a.png" from "word/" is "media/a.png"; "/word/x.xml" is absolute.
    private static string Resolve(string folder, string target)
    {
        var parts = new List<string>();
        if (!target.StartsWith('/')) parts.AddRange(folder.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var piece in target.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (piece == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); }
            else if (piece != ".") parts.Add(piece);
        }

        return string.Join('/', parts);
    }

    /// <summary>A part's bytes through the image bound; null when it is larger (the caller reports it).</summary>
    public byte[]? ReadImage(OpenXmlPart part)
    {
        try
        {
            using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
            var bytes = ReadBounded(stream, Remaining(_limits.MaxImageBytes));
            if (bytes is not null) _inflated += bytes.Length;
            return bytes;
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return null;
        }
    }

    private long Remaining(long limit) => Math.Min(limit, Math.Max(0, _limits.MaxTotalBytes - _inflated));

    /// <summary>All of a stream, or null when it holds more than <paramref name="limit"/> bytes.</summary>
    private static byte[]? ReadBounded(Stream stream, long limit)
    {
        using (stream)
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > limit) return null;
                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    public void Dispose() => Document.Dispose();

    /// <summary>A read-only stream that fails once more than its limit has been read.</summary>
    private sealed class BoundedStream(Stream inner, long limit, Action<int>? counted = null) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            _read += n;
            counted?.Invoke(n);
            if (_read > limit) throw new InvalidDataException("the part inflates to more than allowed");
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
