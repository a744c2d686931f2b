namespace EditionBuilder.Diagnostics;

/// <summary>Collects every diagnostic of a run so that all problems are reported at once.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = new();
    private readonly object _gate = new();

    public IReadOnlyList<Diagnostic> Items
    {
        get
        {
            lock (_gate)
            {
                return _items
                    .OrderBy(d => d.Path, StringComparer.Ordinal)
                    .ThenBy(d => d.Line)
                    .ThenBy(d => d.Column)
                    .ThenBy(d => d.Code, StringComparer.Ordinal)
                    .ToList();
            }
        }
    }

    public bool HasErrors
    {
        get { lock (_gate) { return _items.Any(d => d.Severity == Severity.Error); } }
    }

    public int ErrorCount
    {
        get { lock (_gate) { return _items.Count(d => d.Severity == Severity.Error); } }
    }

    public void Error(string code, string path, int line, int column, string message) =>
        Add(new Diagnostic(Severity.Error, code, path, line, column, message));

    public void Warning(string code, string path, int line, int column, string message) =>
        Add(new Diagnostic(Severity.Warning, code, path, line, column, message));

    public void Add(Diagnostic diagnostic)
    {
        lock (_gate) { _items.Add(diagnostic); }
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics) Add(d);
    }
}
