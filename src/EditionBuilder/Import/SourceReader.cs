using EditionBuilder.Diagnostics;
using EditionBuilder.Import.Census;
using EditionBuilder.Import.Docx;
using EditionBuilder.Markdown;
using EditionBuilder.Model;

namespace EditionBuilder.Import;

/// <summary>Reads a source file with the reader its name calls for: a Word document (.docx; .doc and .docm to say what to do) or the Word text export; then proves the import kept its text (<see cref="ConservationCheck"/>).</summary>
public static class SourceReader
{
    /// <summary>True for the files a source/ folder may hold: the text export (.txt) or a Word document; never Word's lock files (~$name.docx).</summary>
    public static bool IsSource(string path)
    {
        var name = Path.GetFileName(path);
        if (name.StartsWith("~$", StringComparison.Ordinal) || name.StartsWith('.')) return false;
        return Path.GetExtension(path).Equals(".txt", StringComparison.OrdinalIgnoreCase) || DocxReader.IsWordFile(path);
    }

    /// <summary>Reads the source; null when an error was reported.</summary>
    /// <remarks>The encoding applies to the text export only (a Word document says its own).</remarks>
    public static Article? Read(string path, byte[] bytes, DiagnosticBag diagnostics, System.Text.Encoding? encoding = null) =>
        Read(path, bytes, diagnostics, out _, encoding);

    /// <summary>Reads the source and counts what it kept (<paramref name="kept"/>: null when it was not read); null when an error was reported, a loss of text included.</summary>
    public static Article? Read(string path, byte[] bytes, DiagnosticBag diagnostics, out ConservationReport? kept, System.Text.Encoding? encoding = null)
    {
        kept = null;
        var isWord = DocxReader.IsWordFile(path);
        var article = isWord ? DocxReader.Read(path, bytes, diagnostics) : WordExportReader.Read(path, bytes, diagnostics, encoding);
        if (article is null) return null;

        var census = isWord ? DocxCensus.Take(bytes) : SourceDecoder.Decode(path, bytes, new DiagnosticBag(), encoding) is { } lines ? TextExportCensus.Take(lines) : null;
        if (census is null)
        {
            diagnostics.Error(DiagnosticCodes.ImportCensusUnreadable, path, 0, 0,
                "the import could not count the source's text a second time to prove it kept every word, so it writes nothing; please report it with the document");
            return null;
        }

        var written = WrittenCensus.Of(ArticleMarkdown.Write(article, ArticleMarkdown.MetadataFrom(article)));
        kept = ConservationCheck.Check(path, census, written, diagnostics, (article.References?.NoteReferencesMadeText ?? 0, article.References?.NotesMadeText ?? 0));
        return kept.AllKept ? article : null;
    }
}
