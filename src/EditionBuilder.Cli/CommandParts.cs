using System.CommandLine;
using EditionBuilder.Diagnostics;
using EditionBuilder.Search;

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

    /// <summary>The search options of build and serve: --search (required), --no-search, --search-engine edition|pagefind, --pagefind &lt;dir&gt;.</summary>
    public sealed record SearchOptions(Option<bool> Required, Option<bool> Off, Option<string> Engine, Option<string?> Pagefind)
    {
        public IEnumerable<Option> All => [Required, Off, Engine, Pagefind];

        /// <summary>Whether the command asked for the Pagefind engine.</summary>
        public bool UsesPagefind(ParseResult parsed) => parsed.GetValue(Engine) == SiteSearch.NameOf(SearchEngine.Pagefind);

        /// <summary>Refuses, before anything is read, the options that only the Pagefind engine takes when the edition's own index is chosen: accepted and ignored, they would surprise.</summary>
        public void Check(ParseResult parsed, params Option[] pagefindOnly)
        {
            if (parsed.GetValue(Required) && parsed.GetValue(Off)) throw new UsageException("--search and --no-search contradict each other");
            if (UsesPagefind(parsed) || parsed.GetValue(Off)) return;
            foreach (var option in pagefindOnly.Append(Pagefind))
            {
                if (parsed.GetResult(option) is { Implicit: false }) throw new UsageException($"{option.Name} applies to Pagefind's index only: add --search-engine pagefind, or leave {option.Name} out (the edition's own index needs neither)");
            }
        }

        /// <summary>The site's search, or null for a site without search: the edition's own index by default; with --search-engine pagefind, Pagefind, and when it is missing a warning says once that search was skipped (an error with --search).</summary>
        public SiteSearch? Resolve(ParseResult parsed, string input, DiagnosticBag diagnostics)
        {
            if (parsed.GetValue(Required) && parsed.GetValue(Off)) throw new UsageException("--search and --no-search contradict each other");
            if (parsed.GetValue(Off)) return null;
            if (!UsesPagefind(parsed)) return SiteSearch.Edition;
            return PagefindTool.ForBuild(parsed.GetValue(Pagefind), parsed.GetValue(Required), input, Directory.GetCurrentDirectory(), AppContext.BaseDirectory, diagnostics);
        }
    }

    public static SearchOptions Search()
    {
        var engine = new Option<string>("--search-engine")
        {
            Description = "What makes the search index: edition (its own index, made per article and cached; the default) or pagefind (Pagefind, in shards; needs it installed). docs/search.md",
            HelpName = "engine",
            DefaultValueFactory = _ => SiteSearch.NameOf(SearchEngine.Edition),
        };
        engine.AcceptOnlyFromAmong(SiteSearch.NameOf(SearchEngine.Edition), SiteSearch.NameOf(SearchEngine.Pagefind));
        return new(
        new Option<bool>("--search") { Description = "Require the search index: with --search-engine pagefind, fail when Pagefind is missing (default: index when Pagefind is installed, otherwise say so once and build without search); the edition's own index is always made." },
        new Option<bool>("--no-search") { Description = "No search: no index, no search page, no link to it." },
        engine,
        new Option<string?>("--pagefind")
        {
            Description = $"With --search-engine pagefind: where Pagefind is: a node_modules folder, the folder holding it (tools/), or the binary (default: ${PagefindTool.EnvironmentVariable}, else tools/node_modules of the current folder, the program's folder or a folder above them).",
            HelpName = "dir",
        });
    }

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
