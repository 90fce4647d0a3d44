using System.Globalization;
using System.Text;

namespace AgentWorkspace.Features.Reports;

/// <summary>One cell: the text shown, the drill-down it links to (if a number), and the value written to CSV.</summary>
public sealed record ReportCell(string Text, string? Href = null, object? Value = null)
{
    public static ReportCell Number(int count, string? href) => new(count.ToString("N0", CultureInfo.CurrentCulture), href, count);
}

/// <summary>A table as shown on the page; the CSV export writes the same rows (<see cref="ToCsv"/>).</summary>
public sealed record ReportTable(string Key, string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<ReportCell>> Rows)
{
    /// <summary>
    /// RFC 4180 CSV. Text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) is
    /// written with a leading apostrophe, so an agent name or a tag like "=HYPERLINK(...)" stays text; numbers are written
    /// as plain invariant numbers.
    /// </summary>
    public string ToCsv()
    {
        var csv = new StringBuilder();
        AppendLine(csv, Headers.Select(h => (object?)h));
        foreach (var row in Rows)
        {
            AppendLine(csv, row.Select(c => c.Value ?? c.Text));
        }
        return csv.ToString();
    }

    private static void AppendLine(StringBuilder csv, IEnumerable<object?> cells)
    {
        csv.AppendJoin(',', cells.Select(Field)).Append("\r\n");
    }

    internal static string Field(object? value)
    {
        var text = value switch
        {
            null => "",
            int or long or double => Convert.ToString(value, CultureInfo.InvariantCulture)!,
            string s => Defuse(s),
            _ => Defuse(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
        };
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static string Defuse(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
