using System.Globalization;
using EditionBuilder.Content;

namespace EditionBuilder.Render;

/// <summary>Writes a publication date in a page's language. Arabic gives each month both its Levantine (Syriac) and its Egyptian/Maghrebi name, "آذار/مارس", as many Arab journals do, so every reader knows it; digits stay 0–9 as in the source.</summary>
public static class DateDisplay
{
    private static readonly string[] Arabic =
    [
        "كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو", "حزيران/يونيو",
        "تموز/يوليو", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر", "كانون الأول/ديسمبر",
    ];

    private static readonly string[] English = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] French = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

    /// <summary>"15 آذار/مارس 2024", "15 March 2024", "1er mars 2024"; a month or a year alone when that is all the date says.</summary>
    public static string Format(PublicationDate date, string language)
    {
        var year = date.Year.ToString(CultureInfo.InvariantCulture);
        if (date.Month is not { } month) return year;
        var name = (language switch { "ar" => Arabic, "fr" => French, _ => English })[month - 1];
        if (date.Day is not { } day) return $"{name} {year}";
        var dayText = language == "fr" && day == 1 ? "1er" : day.ToString(CultureInfo.InvariantCulture);
        return $"{dayText} {name} {year}";
    }

    /// <summary>The view of a date for a page: its ISO form for <c>&lt;time datetime&gt;</c>, its text and the direction that isolates it; empty when the date is not given.</summary>
    public static DateView View(string date, string language)
    {
        if (PublicationDate.Parse(date) is not { } parsed) return DateView.None;
        return new DateView(parsed.Iso, Format(parsed, language), language == "ar" ? "rtl" : "ltr");
    }
}
