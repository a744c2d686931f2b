using System.CommandLine;

namespace EditionBuilder.Cli;

/// <summary>The arguments and options several commands share, made one way so their help reads alike.</summary>
internal static class CommandParts
{
    /// <summary>A positional path; a value that looks like an option is refused (an unknown option must not become a folder name).</summary>
    public static Argument<string?> Path(string name, string description, bool optional = false)
    {
        var argument = new Argument<string?>(name) { Description = description, Arity = optional ? ArgumentArity.ZeroOrOne : ArgumentArity.ExactlyOne };
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-') && t.Value != "-"))
            {
                result.AddError($"unknown option '{token.Value}'");
            }
        });
        return argument;
    }

    public static Option<string?> Output(string description) => new("--output", "-o") { Description = description, HelpName = "dir" };

    public static Option<string?> Theme() => new("--theme")
    {
        Description = "A theme folder whose files override the default theme's by path (default: the content folder's theme/, if any).",
        HelpName = "dir",
    };

    public static Option<bool> Force(string description) => new("--force") { Description = description };

    /// <summary>--encoding: the legacy encoding of a Word text export that is not UTF-8 (windows-1256, iso-8859-6, utf-16).</summary>
    public static Option<string?> Encoding()
    {
        var option = new Option<string?>("--encoding")
        {
            Description = "Read the Word text export in this encoding when it is not UTF-8: windows-1256, iso-8859-6 or utf-16 (a warning says so).",
            HelpName = "name",
        };
        option.Validators.Add(result =>
        {
            var name = result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
            if (name is not null && EditionBuilder.Import.SourceEncodings.Find(name) is null)
            {
                result.AddError($"--encoding takes {string.Join(", ", EditionBuilder.Import.SourceEncodings.Names)}, not '{name}'");
            }
        });
        return option;
    }

    /// <summary>The encoding an --encoding value names (checked when parsed); null when the option was not given.</summary>
    public static System.Text.Encoding? EncodingNamed(string? name) => name is null ? null : EditionBuilder.Import.SourceEncodings.Find(name);
}
