using System.Text.RegularExpressions;
using EditionBuilder.Diagnostics;
using EditionBuilder.Themes;

namespace EditionBuilder.Pdf;

/// <summary>The PDF's page as the theme sets it in theme.yml: the paper (<c>pdf_paper</c>, a Typst paper name such as a4, a5, us-letter), the margin on every side (<c>pdf_margin</c>, such as 25mm) and the digits of the page numbers (<c>pdf_page_digits</c>: 1 or ١).</summary>
/// <param name="Paper">The Typst paper name.</param>
/// <param name="Margin">The margin as a Typst length (<c>25mm</c>).</param>
/// <param name="Digits">The page numbering pattern: <c>1</c> (0–9) or <c>١</c> (Arabic-Indic digits).</param>
public sealed partial record PdfPageStyle(string Paper, string Margin, string Digits)
{
    /// <summary>The papers a theme may name (Typst knows more; these are the ones journals print on).</summary>
    public static readonly string[] Papers = ["a4", "a5", "b5", "us-letter", "us-legal", "iso-b5", "jis-b5"];

    /// <summary>The page numbering patterns a theme may name.</summary>
    public static readonly string[] DigitPatterns = ["1", "\u0661", "\u06F1"];

    [GeneratedRegex(@"^(?:[0-9]{1,3}(?:\.[0-9]{1,2})?)(?:mm|cm|in|pt)$")]
    private static partial Regex Length();

    /// <summary>The theme's page; null (errors naming theme.yml) when a setting is not one the PDF can use.</summary>
    public static PdfPageStyle? From(Theme theme, DiagnosticBag diagnostics)
    {
        var paper = theme.Setting("pdf_paper").Trim();
        var margin = theme.Setting("pdf_margin").Trim();
        var digits = theme.Setting("pdf_page_digits").Trim();
        var path = theme.PathOf("theme.yml");
        var ok = true;
        if (!Papers.Contains(paper))
        {
            diagnostics.Error(DiagnosticCodes.PdfThemeSetting, path, 0, 0, $"pdf_paper '{paper}' is no paper the PDF knows; use one of {string.Join(", ", Papers)}");
            ok = false;
        }

        if (!Length().IsMatch(margin))
        {
            diagnostics.Error(DiagnosticCodes.PdfThemeSetting, path, 0, 0, $"pdf_margin '{margin}' is no length; write a number and a unit, such as 25mm, 2.5cm, 1in or 72pt");
            ok = false;
        }

        if (!DigitPatterns.Contains(digits))
        {
            diagnostics.Error(DiagnosticCodes.PdfThemeSetting, path, 0, 0, $"pdf_page_digits '{digits}' is not one the PDF knows; use 1 (digits 0-9), \u0661 (Arabic-Indic) or \u06F1 (Persian)");
            ok = false;
        }

        return ok ? new PdfPageStyle(paper, margin, digits) : null;
    }
}
