using System.Data.Common;
using System.Globalization;

namespace AgentWorkspace.Data;

/// <summary>
/// What the app itself promises about its data, checked the same way on SQLite and PostgreSQL (the SQL quotes every
/// name, which both accept): each ticket's messages are numbered 1..LastMessageSeq with no hole and no number twice,
/// and the ticket-number counter is past every ticket's number (else the next ticket would take a used number).
/// </summary>
public static class DatabaseInvariants
{
    private const int MaxListed = 20;

    public static List<string> Problems(DbConnection connection, DbTransaction? transaction = null)
    {
        var problems = new List<string>();
        foreach (var row in Rows(connection, transaction, $"""
            SELECT t."Number", COALESCE(m.n, 0), COALESCE(m.distinct_seqs, 0), COALESCE(m.first, 0), COALESCE(m.last, 0), t."LastMessageSeq"
            FROM "Tickets" t
            LEFT JOIN (SELECT "TicketId", COUNT(*) AS n, COUNT(DISTINCT "Seq") AS distinct_seqs, MIN("Seq") AS first, MAX("Seq") AS last
                       FROM "Messages" GROUP BY "TicketId") m ON m."TicketId" = t."Id"
            WHERE COALESCE(m.n, 0) <> t."LastMessageSeq" OR COALESCE(m.distinct_seqs, 0) <> COALESCE(m.n, 0)
               OR COALESCE(m.last, 0) <> t."LastMessageSeq" OR COALESCE(m.first, 1) <> 1
            ORDER BY t."Number" LIMIT {MaxListed + 1}
            """))
        {
            problems.Add($"message sequence: ticket #{row[0]} has {row[1]} messages numbered {row[3]}..{row[4]} ({row[2]} distinct numbers) " +
                $"but its last message number is {row[5]}");
        }
        if (problems.Count > MaxListed)
        {
            problems[MaxListed] = "message sequence: more tickets like these";
        }
        foreach (var row in Rows(connection, transaction, $"""
            SELECT c."Value", (SELECT MAX("Number") FROM "Tickets") FROM "Counters" c
            WHERE c."Name" = '{Counter.TicketNumber}' AND c."Value" < (SELECT COALESCE(MAX("Number"), 0) FROM "Tickets")
            """))
        {
            problems.Add($"ticket numbers: the counter is at {row[0]} but ticket #{row[1]} exists, so a new ticket would reuse a number");
        }
        return problems;
    }

    /// <summary>How many tickets and messages the database holds.</summary>
    public static (long Tickets, long Messages) Counts(DbConnection connection, DbTransaction? transaction = null)
    {
        var row = Rows(connection, transaction, """SELECT (SELECT COUNT(*) FROM "Tickets"), (SELECT COUNT(*) FROM "Messages")""").Single();
        return (long.Parse(row[0], CultureInfo.InvariantCulture), long.Parse(row[1], CultureInfo.InvariantCulture));
    }

    internal static List<string[]> Rows(DbConnection connection, DbTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount)
                .Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!).ToArray());
        }
        return rows;
    }
}
