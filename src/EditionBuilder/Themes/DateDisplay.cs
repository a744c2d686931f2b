using System.Globalization;
using EditionBuilder.Content;

namespace EditionBuilder.Themes;

/// <summary>Writes a publication date in a page's language with the theme's month names and order (i18n month_1…month_12, date_day_month_year, date_month_year, first_day): the default Arabic theme names each month twice, "آذار/مارس", and keeps the digits 0–9.</summary>
public static class DateDisplay
{
    /// <summary>"15 آذار/مارس 2024", "15 March 2024", "1er mars 2024"; a month or a year alone when that is all the date says.</summary>
    public static string Format(PublicationDate date, string language, ThemeStrings strings)
    {
        var year = date.Year.ToString(CultureInfo.InvariantCulture);
        if (date.Month is not { } month) return year;
        var name = strings.Get(language, $"month_{month.ToString(CultureInfo.InvariantCulture)}");
        if (date.Day is not { } day) return Fill(strings.Get(language, "date_month_year"), name, year);
        var dayText = day == 1 ? strings.Get(language, "first_day") : day.ToString(CultureInfo.InvariantCulture);
        return Fill(strings.Get(language, "date_day_month_year"), dayText, name, year);
    }

    /// <summary>The view of a date for a page: its ISO form for <c>&lt;time datetime&gt;</c>, its text and the direction that isolates it; empty when the date is not given.</summary>
    public static DateView View(string date, string language, ThemeStrings strings)
    {
        if (PublicationDate.Parse(date) is not { } parsed) return DateView.None;
        return new DateView(parsed.Iso, Format(parsed, language, strings), language == "ar" ? "rtl" : "ltr");
    }

    private static string Fill(string pattern, params string[] values)
    {
        for (var i = 0; i < values.Length; i++) pattern = pattern.Replace("{" + i.ToString(CultureInfo.InvariantCulture) + "}", values[i], StringComparison.Ordinal);
        return pattern;
    }
}
