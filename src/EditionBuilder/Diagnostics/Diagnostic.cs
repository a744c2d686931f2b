namespace EditionBuilder.Diagnostics;

/// <summary>One problem found in an input, with its position, printed the way compilers print them.</summary>
public sealed record Diagnostic(Severity Severity, string Code, string Path, int Line, int Column, string Message)
{
    /// <summary>Formats as <c>path:line:col: error EB0001: message</c>.</summary>
    public override string ToString()
    {
        var kind = Severity == Severity.Error ? "error" : "warning";
        var where = Line > 0 ? $"{Path}:{Line}:{Math.Max(Column, 1)}" : Path;
        return $"{where}: {kind} {Code}: {Message}";
    }
}
