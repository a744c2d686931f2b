using System.Text.RegularExpressions;

namespace EditionBuilder.Markdown.References;

/// <summary>The <c>{lang=xx} </c> prefix of a reference written in another language than its file (the convention of the paragraph's <c>{dir=ltr} </c>), and the direction a language is written in.</summary>
public static partial class ReferenceLanguage
{
    public const string Opening = "{lang=";

    // BCP 47 as references need it: a language, then optional script, region or variant subtags (en, fr, ar, en-GB, ku-Arab).
    [GeneratedRegex("^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex Tag();

    [GeneratedRegex(@"^\{lang=([^}\s]*)\}( ?)")]
    private static partial Regex Prefix();

    // Languages whose usual script runs right to left; any other is shown left to right.
    private static readonly HashSet<string> RightToLeft = new(StringComparer.Ordinal) { "ar", "arc", "ckb", "dv", "fa", "he", "ks", "ps", "sd", "syr", "ug", "ur", "yi" };

    /// <summary>What a text's start says: the language it names (possibly not a valid tag) and how many characters the prefix takes; null when the text does not start with the prefix.</summary>
    public static (string Lang, int Length)? Read(string text)
    {
        var match = Prefix().Match(text);
        return match.Success ? (match.Groups[1].Value, match.Length) : null;
    }

    /// <summary>True for a language tag a page's <c>lang</c> and JATS's <c>xml:lang</c> can hold (<c>en</c>, <c>fr</c>, <c>en-GB</c>).</summary>
    public static bool IsTag(string lang) => Tag().IsMatch(lang);

    /// <summary>"rtl" for a language written right to left (by its script subtag when it has one: <c>ku-Arab</c>), else "ltr".</summary>
    public static string DirectionOf(string lang)
    {
        var parts = lang.Split('-');
        if (parts.Skip(1).FirstOrDefault(p => p.Length == 4) is { } script)
        {
            return script.ToLowerInvariant() is "arab" or "hebr" or "syrc" or "thaa" or "nkoo" or "adlm" or "rohg" ? "rtl" : "ltr";
        }

        return RightToLeft.Contains(parts[0]) ? "rtl" : "ltr";
    }
}
