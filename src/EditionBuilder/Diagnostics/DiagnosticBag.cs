namespace EditionBuilder.Diagnostics;

/// <summary>Collects every diagnostic of a run so that all problems are reported at once. Warnings are kept up to <see cref="WarningsPerCode"/> per code and counted beyond, so a huge source cannot flood the terminal or the memory.</summary>
public sealed class DiagnosticBag
{
    /// <summary>How many warnings of one code are kept; the rest are only counted.</summary>
    public const int WarningsPerCode = 100;

    private readonly List<Diagnostic> _items = new();
    private readonly HashSet<Diagnostic> _seen = new();
    private readonly Dictionary<string, int> _warnings = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly DiagnosticBag? _parent;

    public DiagnosticBag()
    {
    }

    /// <summary>A bag for one piece of a run's work (an article): every diagnostic also goes to <paramref name="parent"/> as it comes, so the run reports it as usual, and this bag tells whether the piece gave any.</summary>
    public DiagnosticBag(DiagnosticBag parent) => _parent = parent;

    /// <summary>Warnings not kept, by code, beyond the first <see cref="WarningsPerCode"/> of each.</summary>
    public IReadOnlyDictionary<string, int> Dropped
    {
        get
        {
            lock (_gate)
            {
                return _warnings.Where(w => w.Value > WarningsPerCode).ToDictionary(w => w.Key, w => w.Value - WarningsPerCode, StringComparer.Ordinal);
            }
        }
    }

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
        _parent?.Add(diagnostic);
        lock (_gate)
        {
            // The same problem at the same place once: a link written in a chapter breaks on its page and in the full text alike.
            if (!_seen.Add(diagnostic)) return;
            if (diagnostic.Severity == Severity.Warning)
            {
                var count = _warnings[diagnostic.Code] = _warnings.GetValueOrDefault(diagnostic.Code) + 1;
                if (count > WarningsPerCode) return;
            }

            _items.Add(diagnostic);
        }
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics) Add(d);
    }
}
