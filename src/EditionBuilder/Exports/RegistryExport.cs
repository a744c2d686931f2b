using EditionBuilder.Diagnostics;
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

        if (Directory.Exists(output))
        {
            diagnostics.Error(DiagnosticCodes.ExportOutputIsFolder, output, 0, 0, "is a folder: -o takes the file to write (such as exports/crossref.xml)");
            return refused;
        }

        // An output never lies inside an input (docs/design.md, "Safety rules").
        if (IsInside(output, content))
        {
            diagnostics.Error(DiagnosticCodes.ExportOutputInsideContent, output, 0, 0, $"refusing to write {output}: it is inside the content folder {content}; write it elsewhere (-o)");
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

        Write(output, text);
        return new RegistryExportReport(true, false, output, articles.Count) { What = what };
    }

    // Written beside its place and moved in (one rename), so a failed or killed export never leaves half a file.
    private static void Write(string output, string text)
    {
        var full = Path.GetFullPath(output);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".partial";
        try
        {
            File.WriteAllText(temporary, text);
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static bool IsInside(string path, string folder)
    {
        var full = Path.GetFullPath(path);
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        return full.StartsWith(root, StringComparison.Ordinal);
    }
}
