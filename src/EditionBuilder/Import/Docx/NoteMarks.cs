using System.Globalization;
using System.Text;

namespace EditionBuilder.Import.Docx;

/// <summary>Writes a note number the way Word shows it in a number format (w:numFmt): 7, vii, g, ٧, ز, †…</summary>
internal static class NoteMarks
{
    private const string ArabicAlpha = "أبتثجحخدذرزسشصضطظعغفقكلمنهوي";
    private const string ArabicAbjad = "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ";
    private static readonly string[] Chicago = ["*", "†", "‡", "§"];

    /// <summary>The formats this reader shows as Word does; any other is shown as decimal, with a warning.</summary>
    public static bool IsKnown(string format) => format is "decimal" or "decimalZero" or "lowerRoman" or "upperRoman" or "lowerLetter"
        or "upperLetter" or "arabicAlpha" or "arabicAbjad" or "hindiNumbers" or "chicago" or "decimalFullWidth" or "decimalHalfWidth";

    public static string Format(int number, string format) => format switch
    {
        "decimalZero" => number < 10 ? "0" + Decimal(number) : Decimal(number),
        "lowerRoman" => Roman(number).ToLowerInvariant(),
        "upperRoman" => Roman(number),
        "lowerLetter" => Letters(number, "abcdefghijklmnopqrstuvwxyz"),
        "upperLetter" => Letters(number, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
        "arabicAlpha" => Letters(number, ArabicAlpha),
        "arabicAbjad" => Letters(number, ArabicAbjad),
        "hindiNumbers" => string.Concat(Decimal(number).Select(c => (char)('\u0660' + (c - '0')))),
        "decimalFullWidth" => string.Concat(Decimal(number).Select(c => (char)('\uFF10' + (c - '0')))),
        "chicago" => Chicagoan(number),
        _ => Decimal(number),
    };

    private static string Decimal(int number) => number.ToString(CultureInfo.InvariantCulture);

    // Word repeats the letter past the alphabet: a…z, aa…zz, aaa…
    private static string Letters(int number, string alphabet)
    {
        if (number < 1) return Decimal(number);
        var letter = alphabet[(number - 1) % alphabet.Length];
        return new string(letter, ((number - 1) / alphabet.Length) + 1);
    }

    private static string Chicagoan(int number)
    {
        if (number < 1) return Decimal(number);
        return string.Concat(Enumerable.Repeat(Chicago[(number - 1) % Chicago.Length], ((number - 1) / Chicago.Length) + 1));
    }

    private static string Roman(int number)
    {
        if (number is < 1 or > 3999) return Decimal(number);
        var builder = new StringBuilder();
        foreach (var (value, numeral) in new[] { (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") })
        {
            while (number >= value)
            {
                builder.Append(numeral);
                number -= value;
            }
        }

        return builder.ToString();
    }
}
