namespace AgentWorkspace.Features.Agents;

/// <summary>Which column a table is sorted by and which way; choosing the same column again reverses it.</summary>
public sealed record TableSort(string Column, bool Descending = false)
{
    public TableSort Toggle(string column) => column == Column ? this with { Descending = !Descending } : new TableSort(column);

    /// <summary>The rows in this order, by the key of the sorted column (rows stay as they are for an unknown column).</summary>
    public IEnumerable<T> Apply<T>(IEnumerable<T> rows, IReadOnlyDictionary<string, Func<T, object?>> keys) =>
        !keys.TryGetValue(Column, out var key) ? rows
        : Descending ? rows.OrderByDescending(key) : rows.OrderBy(key);
}
