using System.Text.RegularExpressions;

namespace EditionBuilder.Content;

/// <summary>Checks the identifiers of scholarly metadata: DOI syntax, ISSN and ORCID check digits, e-mail and web addresses.</summary>
public static partial class Identifiers
{
    [GeneratedRegex(@"^10\.\d{4,9}/[^\s\p{C}]+$")]
    private static partial Regex DoiPattern();

    [GeneratedRegex(@"^(\d{4})-?(\d{3}[\dXx])$")]
    private static partial Regex IssnPattern();

    [GeneratedRegex(@"^(\d{4})-?(\d{4})-?(\d{4})-?(\d{3}[\dXx])$")]
    private static partial Regex OrcidPattern();

    [GeneratedRegex(@"^[^@\s<>""(),;:]+@[^@\s<>""(),;:]+\.[^@\s<>""(),;:.]{2,}$")]
    private static partial Regex EmailPattern();

    private static readonly string[] DoiPrefixes = ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"];

    /// <summary>The bare DOI ("10.1234/abc") from what was written, a doi.org address or "doi:" accepted; null when it is no DOI.</summary>
    public static string? Doi(string written)
    {
        var doi = written.Trim();
        foreach (var prefix in DoiPrefixes)
        {
            if (doi.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) { doi = doi[prefix.Length..].Trim(); break; }
        }

        return DoiPattern().IsMatch(doi) ? doi : null;
    }

    /// <summary>The ISSN as NNNN-NNNC; null when its form is wrong; <paramref name="checkDigitWrong"/> when only the check digit fails.</summary>
    public static string? Issn(string written, out bool checkDigitWrong)
    {
        checkDigitWrong = false;
        var match = IssnPattern().Match(written.Trim());
        if (!match.Success) return null;
        var issn = $"{match.Groups[1].Value}-{match.Groups[2].Value.ToUpperInvariant()}";
        var digits = issn.Replace("-", string.Empty);
        var sum = 0;
        for (var i = 0; i < 7; i++) sum += (digits[i] - '0') * (8 - i);
        var check = (11 - (sum % 11)) % 11;
        var expected = check == 10 ? 'X' : (char)('0' + check);
        checkDigitWrong = digits[7] != expected;
        return checkDigitWrong ? null : issn;
    }

    /// <summary>The bare ORCID iD (0000-0002-1825-0097) from what was written, an orcid.org address accepted; null when its form is wrong; <paramref name="checkDigitWrong"/> when only the check digit fails (ISO 7064 MOD 11-2).</summary>
    public static string? Orcid(string written, out bool checkDigitWrong)
    {
        checkDigitWrong = false;
        var text = written.Trim();
        foreach (var prefix in new[] { "https://orcid.org/", "http://orcid.org/", "orcid.org/" })
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) { text = text[prefix.Length..]; break; }
        }

        var match = OrcidPattern().Match(text);
        if (!match.Success) return null;
        var id = $"{match.Groups[1].Value}-{match.Groups[2].Value}-{match.Groups[3].Value}-{match.Groups[4].Value.ToUpperInvariant()}";
        var digits = id.Replace("-", string.Empty);
        var total = 0;
        for (var i = 0; i < 15; i++) total = (total + (digits[i] - '0')) * 2;
        var result = (12 - (total % 11)) % 11;
        var expected = result == 10 ? 'X' : (char)('0' + result);
        checkDigitWrong = digits[15] != expected;
        return checkDigitWrong ? null : id;
    }

    public static bool IsEmail(string written) => EmailPattern().IsMatch(written.Trim());

    /// <summary>True for an absolute http or https address with a host and nothing that could escape an attribute or a URL.</summary>
    public static bool IsWebAddress(string written) =>
        Uri.TryCreate(written, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0
        && uri.UserInfo.Length == 0
        && !written.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '\'' or '<' or '>' or '\\' or '`');
}
