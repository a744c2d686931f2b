using System.Globalization;
using System.Text.RegularExpressions;

namespace EditionBuilder.Content;

/// <summary>A publication date as ISO 8601 writes it: a year, a year and month, or a full date (YYYY, YYYY-MM, YYYY-MM-DD), checked against the calendar.</summary>
public readonly partial record struct PublicationDate(int Year, int? Month, int? Day)
{
    [GeneratedRegex(@"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")]
    private static partial Regex DayFirstPattern();

    /// <summary>The date, or null when the text is not one of the three ISO forms or names no real day.</summary>
    public static PublicationDate? Parse(string text)
    {
        var match = IsoPattern().Match(text.Trim());
        if (!match.Success) return null;
        var year = Number(match.Groups[1].Value);
        if (year < 1000) return null;
        int? month = match.Groups[2].Success ? Number(match.Groups[2].Value) : null;
        int? day = match.Groups[3].Success ? Number(match.Groups[3].Value) : null;
        if (month is < 1 or > 12) return null;
        if (day is { } d && (d < 1 || d > DateTime.DaysInMonth(year, month!.Value))) return null;
        return new PublicationDate(year, month, day);
    }

    /// <summary>What the author probably meant by a day-first date such as 15/03/2024 ("2024-03-15"), when only one reading is possible.</summary>
    public static string? Suggest(string text)
    {
        var match = DayFirstPattern().Match(text.Trim());
        if (!match.Success) return null;
        var (first, second, year) = (Number(match.Groups[1].Value), Number(match.Groups[2].Value), Number(match.Groups[3].Value));
        var (day, month) = first > 12 && second <= 12 ? (first, second) : second > 12 && first <= 12 ? (second, first) : (0, 0);
        if (day == 0 || year < 1000 || day > DateTime.DaysInMonth(year, month)) return null;
        return new PublicationDate(year, month, day).Iso;
    }

    /// <summary>The ISO form: 2024, 2024-03 or 2024-03-15.</summary>
    public string Iso => Month is null ? Year.ToString("D4", CultureInfo.InvariantCulture)
        : Day is null ? $"{Year:D4}-{Month:D2}"
        : $"{Year:D4}-{Month:D2}-{Day:D2}";

    /// <summary>The year and what is known after it, as [2024, 3, 15] (CSL-JSON's date-parts).</summary>
    public int[] Parts => Month is null ? [Year] : Day is null ? [Year, Month.Value] : [Year, Month.Value, Day.Value];

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
}
