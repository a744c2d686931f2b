using System.Globalization;
using EditionBuilder.Citations;

namespace EditionBuilder.Epub;

/// <summary>The book's dates, never the clock's: dc:date is the article's date as given, and dcterms:modified (also the time of every zip entry) the article's date at midnight UTC; an article without a date takes SOURCE_DATE_EPOCH, else the zip epoch 1980-01-01.</summary>
/// <remarks>The article's date comes first so a book changes only when its content does (and the incremental cache keeps it across commits); SOURCE_DATE_EPOCH stands in only where a clock would otherwise be needed, as reproducible-builds.org asks.</remarks>
public static class EpubDate
{
    private static readonly DateTimeOffset ZipEpoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The instant dcterms:modified names.</summary>
    public static DateTimeOffset Modified(string articleDate, long? sourceDateEpoch)
    {
        if (Date(articleDate) is { } date) return date;
        if (sourceDateEpoch is { } seconds && seconds >= 0 && seconds <= 253402300799) return DateTimeOffset.FromUnixTimeSeconds(seconds);
        return ZipEpoch;
    }

    /// <summary>The time of the zip entries: the same instant as a UTC clock reading, never before 1980 (zip cannot say earlier).</summary>
    public static DateTimeOffset ZipTime(DateTimeOffset modified)
    {
        var utc = modified < ZipEpoch ? ZipEpoch.UtcDateTime : modified.UtcDateTime;
        return new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Unspecified), TimeSpan.Zero);
    }

    /// <summary>dcterms:modified's form: CCYY-MM-DDThh:mm:ssZ.</summary>
    public static string Format(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>dc:date: the article's date as W3CDTF ("2016", "2016-10", "2016-10-09"); empty when it is not a date.</summary>
    public static string Published(string articleDate)
    {
        if (CitationFiles.DateParts(articleDate) is not { } parts || Date(articleDate) is null) return string.Empty;
        return parts.Length switch
        {
            1 => parts[0].ToString("0000", CultureInfo.InvariantCulture),
            2 => string.Create(CultureInfo.InvariantCulture, $"{parts[0]:0000}-{parts[1]:00}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{parts[0]:0000}-{parts[1]:00}-{parts[2]:00}"),
        };
    }

    // "2016", "2016-10" or "2016-10-09" as its first instant; a month or day out of range is no date.
    private static DateTimeOffset? Date(string articleDate)
    {
        if (CitationFiles.DateParts(articleDate) is not { } parts) return null;
        var (year, month, day) = (parts[0], parts.Length > 1 ? parts[1] : 1, parts.Length > 2 ? parts[2] : 1);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero);
    }
}
