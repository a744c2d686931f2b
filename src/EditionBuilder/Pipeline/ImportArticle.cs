using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Files;
using EditionBuilder.Import;
using EditionBuilder.Import.Census;
using EditionBuilder.Markdown;
using EditionBuilder.Model;
using EditionBuilder.Output;

namespace EditionBuilder.Pipeline;

/// <summary>The import step of <c>edition import</c>: a source read, its metadata merged into the article folder's article.yml, and its chapters, abstracts and images written through an <see cref="ImportPlan"/> that keeps what the publisher edited.</summary>
/// <remarks>It sits with the build, not in Import/, because it joins a reader to the Markdown writer and the metadata merge: the readers stay free of what comes after them.</remarks>
public static class ImportArticle
{
    /// <summary>Imports <paramref name="source"/> into <paramref name="output"/> (default: <c>artifacts/markdown/&lt;article-slug&gt;</c>); the folder is written whole or not at all.</summary>
    /// <exception cref="OutputRefusedException">The output may not be written (it is an input, not an article folder, or the import would replace edits without <paramref name="force"/>).</exception>
    /// <exception cref="FileNotFoundException">The source does not exist.</exception>
    public static ImportReport Run(string source, string? output, bool force, DiagnosticBag diagnostics, System.Text.Encoding? encoding = null)
    {
        var article = SourceReader.Read(source, File.ReadAllBytes(source), diagnostics, out var kept, encoding);
        if (diagnostics.HasErrors || article is null) return new ImportReport { Source = source };

        var metadata = ArticleMarkdown.MetadataFrom(article);
        output ??= Path.Combine("artifacts", "markdown", ArticleMarkdown.SlugFor(article, source));
        // Converting in place (content/x/source/a.docx -o content/x) is the article's own folder, even before it has an
        // article.yml; the source is kept, as is everything else the import does not write (ImportPlan).
        var inPlace = FolderPaths.IsInside(source, Path.Combine(output, "source"));
        OutputGuard.Ensure(OutputKind.Import, output, inPlace ? [] : [new(source, "the source file")], force || inPlace);

        // The publisher's article.yml keeps every field it sets; only its empty fields are filled, in its own text.
        var metadataPath = Path.Combine(output, "article.yml");
        string? merged = null;
        IReadOnlyList<string> filled = [], notFilled = [];
        if (File.Exists(metadataPath))
        {
            var existing = File.ReadAllText(metadataPath);
            if (MetadataYaml.ReadArticle(metadataPath, existing, diagnostics) is null) return new ImportReport { Source = source, Output = output };
            merged = MetadataMerge.MergeText(metadataPath, existing, metadata, out filled, out notFilled);
        }

        ImportPlan plan;
        try
        {
            plan = ImportPlan.Make(output, ArticleMarkdown.Files(article, metadata, merged));
        }
        catch (IOException e)
        {
            throw new OutputRefusedException("refusing to import: " + e.Message);
        }

        foreach (var (relative, kind) in plan.Blocking)
        {
            var where = Path.Combine(output, relative);
            var what = kind == Files.FileType.SymbolicLink ? $"a symbolic link (to {new FileInfo(where).LinkTarget})" : Files.FileTypeText.Describe(kind);
            diagnostics.Error(DiagnosticCodes.ImportFolderIsLink, where, 0, 0,
                $"{where} is {what}, where the import writes a folder of its own; it never writes through a link: remove it, or replace it with a real folder holding what it points to, and import again");
        }

        if (plan.Blocking.Count > 0) return new ImportReport { Source = source, Output = output, Blocking = plan.Blocking.Select(b => b.Path).ToList() };
        if (plan.ReplacesEdits && !force)
        {
            throw new OutputRefusedException($"refusing to import into {output}: it would {Replacing(plan)}, which may hold your edits; "
                + "compare them with a fresh import elsewhere (-o another folder), or pass --force to replace them with what the source says");
        }

        // The import's files and the kept ones, swapped in whole: the plan only decides, the pipeline writes.
        var written = AtomicFolder.Replace(plan.Folder, plan.Files, OutputKind.Import, plan.Kept);
        return Describe(article, kept!) with
        {
            Succeeded = true,
            Source = source,
            Output = output,
            Written = written,
            MetadataPath = merged is null ? null : metadataPath,
            Filled = filled,
            NotFilled = notFilled,
            Kept = plan.Kept,
            Changed = plan.ReplacesEdits ? plan.Changed : [],
            Dropped = plan.ReplacesEdits ? plan.Dropped : [],
        };
    }

    /// <summary>"3 file(s) (a, b, c)", the first five named: how a refusal and the summary list paths.</summary>
    public static string Listed(IReadOnlyList<string> paths) =>
        string.Join(", ", paths.Take(5)) + (paths.Count > 5 ? $" and {paths.Count - 5} more" : string.Empty);

    // What the article holds, counted as the summary shows it.
    private static ImportReport Describe(Article article, ConservationReport kept) => new()
    {
        Chapters = article.Chapters.Count,
        Paragraphs = article.Paragraphs.Count(),
        Notes = article.Notes.Count(),
        Abstracts = ArticleMarkdown.Abstracts(article).Select(a => a.Language).ToList(),
        Images = article.Media.Count,
        HasOpening = !article.Opening.IsEmpty,
        Authors = article.Opening.Authors.Count,
        Keywords = article.Opening.Keywords.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => (k.Key, k.Value.Count)).ToList(),
        Conservation = kept,
    };

    private static string Replacing(ImportPlan plan)
    {
        var parts = new List<string>();
        if (plan.Changed.Count > 0) parts.Add($"change {plan.Changed.Count} file(s) ({Listed(plan.Changed)})");
        if (plan.Dropped.Count > 0) parts.Add($"remove {plan.Dropped.Count} file(s) the source no longer gives ({Listed(plan.Dropped)})");
        return string.Join(" and ", parts);
    }
}

/// <summary>What an import did: the folder it wrote, what the article holds, what it filled in article.yml, and which of the folder's files it kept or replaced.</summary>
public sealed record ImportReport
{
    /// <summary>False when the source or the folder's article.yml has errors, or the folder holds a link where the import writes: then nothing was written.</summary>
    public bool Succeeded { get; init; }

    public string Source { get; init; } = string.Empty;

    /// <summary>The article folder (null when the source could not be read, so its slug is unknown).</summary>
    public string? Output { get; init; }

    /// <summary>Files of the article folder written (the import's and the kept ones).</summary>
    public int Written { get; init; }

    public int Chapters { get; init; }

    public int Paragraphs { get; init; }

    public int Notes { get; init; }

    /// <summary>The abstracts' languages, in ordinal order (the opening's ملخص as "ar").</summary>
    public IReadOnlyList<string> Abstracts { get; init; } = [];

    public int Images { get; init; }

    /// <summary>True when the manuscript has an opening (title, authors, ملخص, keywords).</summary>
    public bool HasOpening { get; init; }

    public int Authors { get; init; }

    /// <summary>The opening's keywords per language, counted per language as EB0108 lists them, in ordinal order of language.</summary>
    public IReadOnlyList<(string Language, int Count)> Keywords { get; init; } = [];

    /// <summary>The conservation check: letters and notes of the source, and how many were lost (none, or the import fails).</summary>
    public ConservationReport? Conservation { get; init; }

    /// <summary>The publisher's article.yml, when the folder had one and it was merged; null when the import wrote its own.</summary>
    public string? MetadataPath { get; init; }

    /// <summary>Fields of the publisher's article.yml that were empty and the import filled.</summary>
    public IReadOnlyList<string> Filled { get; init; } = [];

    /// <summary>Fields the source gives that were left empty, because that article.yml's layout could not be edited safely.</summary>
    public IReadOnlyList<string> NotFilled { get; init; } = [];

    /// <summary>Files of the folder the import does not write, kept as they are.</summary>
    public IReadOnlyList<string> Kept { get; init; } = [];

    /// <summary>Chapters, abstracts or images that differed from this import and were replaced (only with force).</summary>
    public IReadOnlyList<string> Changed { get; init; } = [];

    /// <summary>Chapters, abstracts or images the source no longer gives, removed (only with force).</summary>
    public IReadOnlyList<string> Dropped { get; init; } = [];

    /// <summary>Links or files standing where the import writes a folder (each an EB0931 error); nothing was written.</summary>
    public IReadOnlyList<string> Blocking { get; init; } = [];

    /// <summary>True when files that may have held the publisher's edits were replaced or removed.</summary>
    public bool ReplacedEdits => Changed.Count + Dropped.Count > 0;
}
