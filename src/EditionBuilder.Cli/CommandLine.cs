namespace EditionBuilder.Cli;

/// <summary>The parsed words of one command: positional arguments and --options.</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    private CommandLine(List<string> positionals) => Positionals = positionals;

    public IReadOnlyList<string> Positionals { get; }

    /// <summary>Parses arguments; options named in <paramref name="valued"/> take a value, the others are flags.</summary>
    public static CommandLine Parse(IEnumerable<string> args, IReadOnlyCollection<string> valued, IReadOnlyCollection<string> flags)
    {
        var positionals = new List<string>();
        var line = new CommandLine(positionals);
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (arg == "--") { while (e.MoveNext()) positionals.Add(e.Current); break; }
            if (!arg.StartsWith('-') || arg == "-") { positionals.Add(arg); continue; }

            var name = arg;
            string? value = null;
            var eq = arg.IndexOf('=');
            if (eq > 0) { name = arg[..eq]; value = arg[(eq + 1)..]; }
            if (valued.Contains(name))
            {
                if (value is null)
                {
                    if (!e.MoveNext()) throw new UsageException($"option {name} needs a value");
                    value = e.Current;
                }

                line._options[name] = value;
            }
            else if (flags.Contains(name) && value is null)
            {
                line._options[name] = null;
            }
            else
            {
                throw new UsageException($"unknown option '{name}'");
            }
        }

        return line;
    }

    public string? Option(params string[] names)
    {
        foreach (var name in names)
        {
            if (_options.TryGetValue(name, out var value)) return value;
        }

        return null;
    }

    public bool Flag(string name) => _options.ContainsKey(name);

    public string? Positional(int index) => index < Positionals.Count ? Positionals[index] : null;

    public void ExpectAtMost(int count, string usage)
    {
        if (Positionals.Count > count) throw new UsageException($"too many arguments: '{Positionals[count]}'\nusage: {usage}");
    }
}

/// <summary>A mistake in how the command was called: exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
