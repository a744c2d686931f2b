using EditionBuilder.Diagnostics;
using EditionBuilder.Files;
using EditionBuilder.Import;
using EditionBuilder.Parse;

namespace EditionBuilder.Exports;

/// <summary>The registry a file is exported for: what <c>edition export crossref|doaj</c> names.</summary>
public enum Registry
{
    /// <summary>A Crossref deposit (schema 5.3.1) registering every article's DOI.</summary>
    Crossref,

    /// <summary>DOAJ's article XML (doajArticles.xsd), a record per article.</summary>
    Doaj,
}

/// <summary>What <c>edition export</c> asks for: the registry, the content folder, the file to write, and the Crossref deposit's own values (null: derived from the content).</summary>
public sealed record RegistryExportRequest(Registry Registry, string Content, string Output, string? BatchId = null, long? Timestamp = null);

/// <summary>What an export did: whether the file was written, or refused before anything was read (an unusable path: the command's exit 2), and how many article records it holds.</summary>
public sealed record RegistryExportReport(bool Succeeded, bool Refused, string Output, int Articles)
{
    /// <summary>The human name of what was written ("Crossref deposit").</summary>
    public required string What { get; init; }
}

/// <summary><c>edition export crossref|doaj</c> from paths: the content folder read and parsed as the build reads it, the registry's file made, and written beside its place then moved in, so a failed export never leaves half a file and never writes inside the content.</summary>
public static class RegistryExport
{
    /// <summary>Exports <see cref="RegistryExportRequest.Content"/> to <see cref="RegistryExportRequest.Output"/>; relative paths are taken from the current folder. The output is untouched unless the report says it succeeded.</summary>
    public static RegistryExportReport Run(RegistryExportRequest request, DiagnosticBag diagnostics)
    {
        var (content, output) = (request.Content, request.Output);
        var what = request.Registry == Registry.Crossref ? "Crossref deposit" : "DOAJ article XML";
        var refused = new RegistryExportReport(false, true, output, 0) { What = what };
        if (!Directory.Exists(content))
        {
            diagnostics.Error(DiagnosticCodes.ExportContentMissing, content, 0, 0, "no such content folder: give the folder holding edition.yml and the article folders");
            return refused;
        }

        if (OutputRefusal(output, content) is { } refusal)
        {
            diagnostics.Error(refusal.Code, output, 0, 0, refusal.Message);
            return refused;
        }

        var failed = refused with { Refused = false };
        var edition = ContentFolder.Read(content, diagnostics);
        if (edition is null || diagnostics.HasErrors) return failed;
        var parser = new ArticleParser();
        var articles = edition.Articles.Select(a => parser.Parse(a, diagnostics)).ToList();
        if (diagnostics.HasErrors) return failed;
        var input = new ExportInput(edition.Edition, Path.Combine(content, "edition.yml"), articles.Select(a => a!).ToList());
        var text = request.Registry == Registry.Crossref
            ? CrossrefDeposit.Write(input, diagnostics, request.BatchId, request.Timestamp)
            : DoajArticles.Write(input, diagnostics);
        if (text is null || diagnostics.HasErrors) return failed;

        try
        {
            Write(output, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The disk said no (a read-only or virtual folder, no space): the user's words, not an internal failure.
            diagnostics.Error(DiagnosticCodes.ExportWriteFailed, output, 0, 0, $"could not write {output}: {e.Message}; choose a folder you can write to (-o)");
            return failed;
        }

        return new RegistryExportReport(true, false, output, articles.Count) { What = what };
    }

    // Why -o may not be written (docs/design.md, "Safety rules"): a folder, a symbolic link or a special file is never
    // replaced or written through, and the file never lands inside the content, even through a linked parent folder.
    private static (string Code, string Message)? OutputRefusal(string output, string content)
    {
        var name = Path.GetFileName(output);
        if (Path.EndsInDirectorySeparator(output) || name is "." or "..")
        {
            return (DiagnosticCodes.ExportOutputIsFolder, "names a folder (it ends with a separator): -o takes the file to write (such as exports/crossref.xml); nothing was created");
        }

        var full = Path.GetFullPath(output);
        var kind = NativeFiles.Kind(full);
        if (kind == FileType.SymbolicLink)
        {
            return (DiagnosticCodes.ExportOutputIsLink, $"refusing to write {output}: it is a symbolic link to {new FileInfo(full).LinkTarget ?? "?"}; give the real file (a link is never written through or replaced)");
        }

        if (kind == FileType.Directory) return (DiagnosticCodes.ExportOutputIsFolder, "is a folder: -o takes the file to write (such as exports/crossref.xml)");
        if (kind == FileType.Other)
        {
            return (DiagnosticCodes.ExportOutputNotAFile, $"refusing to write {output}: it cannot be examined (permission denied, or a name too long); give a file you can write (such as exports/crossref.xml)");
        }

        if (kind is not (FileType.Missing or FileType.Regular))
        {
            return (DiagnosticCodes.ExportOutputNotAFile, $"refusing to write {output}: it is {FileTypeText.Describe(kind)}, not a regular file; give the file to write (such as exports/crossref.xml)");
        }

        // The deepest folder that exists above the output must be a folder (or a link to one): the rest is created.
        for (var above = Path.GetDirectoryName(full); above is not null; above = Path.GetDirectoryName(above))
        {
            var aboveKind = NativeFiles.Kind(above);
            if (aboveKind == FileType.Missing) continue;
            if (aboveKind == FileType.Directory || (aboveKind == FileType.SymbolicLink && Directory.Exists(above))) break;
            return (DiagnosticCodes.ExportOutputNotAFile, $"refusing to write {output}: {above} is {FileTypeText.Describe(aboveKind)}, not a folder; give a file in a folder (such as exports/crossref.xml)");
        }

        // Compared as real paths, as OutputGuard compares build and package outputs, so a link cannot smuggle the content in.
        var real = Path.Combine(NativeFiles.RealPath(Path.GetDirectoryName(full)!), Path.GetFileName(full));
        var realContent = NativeFiles.RealPath(content);
        if (real.StartsWith(Path.TrimEndingDirectorySeparator(realContent) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            var through = FolderPaths.IsInside(output, content) ? string.Empty : $" (through a symbolic link: it is {real})";
            return (DiagnosticCodes.ExportOutputInsideContent, $"refusing to write {output}: it is inside the content folder {content}{through}; write it elsewhere (-o)");
        }

        return null;
    }

    // Written beside its place and moved in (AtomicFile: one rename, flushed first), so a failed or killed export never leaves half a file, nor a
    // folder it made, and two exports to the same file at once leave one of them whole.
    private static void Write(string output, string text)
    {
        var full = Path.GetFullPath(output);
        var made = new List<string>();
        for (var above = Path.GetDirectoryName(full); above is not null && NativeFiles.Kind(above) == FileType.Missing; above = Path.GetDirectoryName(above)) made.Add(above);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        try
        {
            // A link put in the output's place since it was checked is refused too, never written through.
            AtomicFile.Write(full, System.Text.Encoding.UTF8.GetBytes(text), AtomicFile.NotAFile.Refuse);
        }
        catch
        {
            foreach (var folder in made) // deepest first, and only while empty
            {
                if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
            }

            throw;
        }
    }
}
