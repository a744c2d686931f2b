using EditionBuilder.Diagnostics;
using EditionBuilder.Import.Docx;
using EditionBuilder.Model;

namespace EditionBuilder.Import;

/// <summary>Reads a source file with the reader its name calls for: a Word document (.docx; .doc and .docm to say what to do) or the Word text export.</summary>
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
        DocxReader.IsWordFile(path) ? DocxReader.Read(path, bytes, diagnostics) : WordExportReader.Read(path, bytes, diagnostics, encoding);
}
