using System.Globalization;
using System.Text.RegularExpressions;

namespace EditionBuilder.Markdown.Links;

/// <summary>Finds the date a note gives ("September 16, 2016", "16 September 2016", "Aug. 26, 2016", "9 تشرين الأول 2016", "2015") as a Wayback timestamp: yyyyMMdd, yyyyMM or yyyy.</summary>
public static partial class CitationDate
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["january"] = 1, ["jan"] = 1, ["february"] = 2, ["feb"] = 2, ["march"] = 3, ["mar"] = 3, ["april"] = 4, ["apr"] = 4,
        ["may"] = 5, ["june"] = 6, ["jun"] = 6, ["july"] = 7, ["jul"] = 7, ["august"] = 8, ["aug"] = 8, ["september"] = 9,
        ["sep"] = 9, ["sept"] = 9, ["october"] = 10, ["oct"] = 10, ["november"] = 11, ["nov"] = 11, ["december"] = 12, ["dec"] = 12,
        ["كانون الثاني"] = 1, ["يناير"] = 1, ["شباط"] = 2, ["فبراير"] = 2, ["آذار"] = 3, ["مارس"] = 3, ["نيسان"] = 4, ["أبريل"] = 4,
        ["أيار"] = 5, ["ايار"] = 5, ["مايو"] = 5, ["حزيران"] = 6, ["يونيو"] = 6, ["تموز"] = 7, ["يوليو"] = 7, ["آب"] = 8, ["أغسطس"] = 8,
        ["أيلول"] = 9, ["ايلول"] = 9, ["سبتمبر"] = 9, ["تشرين الأول"] = 10, ["أكتوبر"] = 10, ["تشرين الثاني"] = 11, ["نوفمبر"] = 11,
        ["كانون الأول"] = 12, ["ديسمبر"] = 12,
    };

    [GeneratedRegex(@"(?<month>[A-Za-z]{3,9})\.?\s+(?<day>\d{1,2}),?\s+(?<year>(?:19|20)\d\d)")]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"(?<day>\d{1,2})\s+(?<month>[A-Za-z]{3,9}|كانون الثاني|كانون الأول|تشرين الأول|تشرين الثاني|[\u0621-\u064A]{2,7})\.?\s+(?:العام\s+|عام\s+)?(?<year>(?:19|20)\d\d)")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"(?<![\d/])(?<year>(?:19|20)\d\d)(?![\d/])")]
    private static partial Regex Year();

    public static string Find(string text)
    {
        foreach (var pattern in new[] { MonthDayYear(), DayMonthYear() })
        {
            foreach (Match match in pattern.Matches(text))
            {
                if (Months.TryGetValue(match.Groups["month"].Value, out var month))
                {
                    var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
                    var year = match.Groups["year"].Value;
                    return day is >= 1 and <= 31 ? $"{year}{month:00}{day:00}" : $"{year}{month:00}";
                }
            }
        }

        var years = Year().Matches(text);
        return years.Count > 0 ? years[^1].Groups["year"].Value : string.Empty;
    }
}
