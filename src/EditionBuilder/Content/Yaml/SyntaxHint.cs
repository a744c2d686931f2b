namespace EditionBuilder.Content.Yaml;

/// <summary>Turns YamlDotNet's syntax messages into what to do, in a publisher's words.</summary>
internal static class SyntaxHint
{
    public const string Generic = "check the indentation (spaces, not tabs) and put in double quotes any value that holds ': ', ' #', or starts with [ { & * ! | > ' \" % @ or `";

    /// <summary>Where a tab indents a line, at or after <paramref name="from"/>'s line; YamlDotNet reports the map that holds it instead.</summary>
    public static int TabIndentation(string text, int from)
    {
        var lineStart = from <= 0 ? 0 : text.LastIndexOf('\n', Math.Min(from, text.Length) - 1) + 1;
        for (var i = lineStart; i < text.Length; i++)
        {
            if (text[i] == '\t' && (i == 0 || text.LastIndexOf('\n', i - 1) is var nl && text.AsSpan(nl + 1, i - nl - 1).Trim(' ').IsEmpty)) return i;
        }

        return from;
    }

    public static string Describe(string message, string text, int index)
    {
        bool Has(string part) => message.Contains(part, StringComparison.OrdinalIgnoreCase);
        var at = index >= 0 && index < text.Length ? text[index] : '\0';

        if (Has("tab")) return "YAML indents with spaces, not tabs: replace the tab at the start of this line by spaces";
        if (Has("found invalid mapping") || Has("mapping values are not allowed"))
        {
            return "a value holding ': ' (a colon and a space) must be in double quotes, or YAML reads a new key here: write key: \"…: …\"";
        }

        if (Has("quoted scalar") && (Has("end of stream") || Has("wrong indentation") || Has("document indicator")))
        {
            return "a quote opened here is not closed: end the value with the same quote (\" or ') on its line";
        }

        if (Has("did not find expected ',' or '}'")) return "a { … } map opened before this point is not closed: add the missing '}' (and quote any value holding a comma or colon)";
        if (Has("did not find expected ',' or ']'")) return "a [ … ] list opened before this point is not closed: add the missing ']' (and quote any value holding a comma)";
        if (Has("did not find expected '-' indicator")) return "list items (- …) and key: value lines are mixed at the same indentation: indent the list under its key";
        if (Has("did not find expected key")) return "this line does not fit the map above it: keys of one map start in the same column, and a value that goes on must be indented";
        if (Has("cannot start any token"))
        {
            return at is '@' or '`' or '%'
                ? $"a value cannot start with '{at}' in YAML: put the value in double quotes"
                : "a value cannot start with this character in YAML: put the value in double quotes";
        }

        if (Has("anchor") || Has("alias")) return "an anchor (&name) or alias (*name) is malformed here: put the value in double quotes if it starts with & or *";
        return "the YAML is malformed here: " + Generic;
    }
}
