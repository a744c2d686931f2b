using EditionBuilder.Diagnostics;

namespace EditionBuilder.Cli;

/// <summary>Prints diagnostics to stderr and progress to stdout, the way compilers do.</summary>
internal sealed class Reporter(TextWriter output, TextWriter errors)
{
    public TextWriter Output { get; } = output;

    public TextWriter Errors { get; } = errors;

    /// <summary>Prints every diagnostic, then, when any is an error, a count and <paramref name="outcome"/>; returns true when any is an error.</summary>
    public bool Print(DiagnosticBag diagnostics, string outcome = "nothing was written.")
    {
        foreach (var diagnostic in diagnostics.Items) Errors.WriteLine(diagnostic.ToString());
        foreach (var (code, count) in diagnostics.Dropped.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            Errors.WriteLine($"warning {code}: {count} more like the above not shown (the first {DiagnosticBag.WarningsPerCode} are)");
        }

        var errorCount = diagnostics.ErrorCount;
        if (errorCount > 0)
        {
            Errors.WriteLine($"{errorCount} error(s), {diagnostics.Items.Count - errorCount} warning(s); {outcome}");
        }

        return errorCount > 0;
    }

    public void Line(string text) => Output.WriteLine(text);
}
