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
}
