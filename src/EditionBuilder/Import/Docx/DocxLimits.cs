namespace EditionBuilder.Import.Docx;

/// <summary>How much a .docx may hold before it is refused: checked on the zip's directory before anything is inflated, and again while inflating (a directory can lie).</summary>
public sealed record DocxLimits
{
    /// <summary>The .docx file itself.</summary>
    public long MaxFileBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>All entries inflated together.</summary>
    public long MaxTotalBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>One XML part inflated (document.xml, footnotes.xml…).</summary>
    public long MaxPartBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>One image.</summary>
    public long MaxImageBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>Entries in the zip.</summary>
    public int MaxEntries { get; init; } = 10_000;

    /// <summary>Inflated size over compressed size, for entries larger than <see cref="RatioCheckedFrom"/>: XML compresses 10–30 times, a bomb thousands.</summary>
    public double MaxRatio { get; init; } = 200;

    public long RatioCheckedFrom { get; init; } = 1024 * 1024;

    public static DocxLimits Default { get; } = new();
}
