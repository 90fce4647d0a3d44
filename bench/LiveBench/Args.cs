namespace LiveBench;

/// <summary>"--name value" and "--flag" options.</summary>
internal sealed class Args
{
    private readonly Dictionary<string, string?> values = new(StringComparer.OrdinalIgnoreCase);

    public static Args Parse(IEnumerable<string> args)
    {
        var parsed = new Args();
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                pending = arg[2..];
                parsed.values[pending] = null;
            }
            else if (pending is not null)
            {
                parsed.values[pending] = arg;
                pending = null;
            }
            else
            {
                throw new ArgumentException($"Unexpected argument '{arg}'.");
            }
        }
        return parsed;
    }

    public string? Get(string name) => values.GetValueOrDefault(name);

    public string Required(string name) => Get(name) ?? throw new ArgumentException($"--{name} is required.");

    public int Int(string name, int fallback) => Get(name) is { } v ? int.Parse(v.Replace("_", "")) : fallback;

    public long Long(string name, long fallback) => Get(name) is { } v ? long.Parse(v.Replace("_", "")) : fallback;

    public bool Flag(string name) => values.ContainsKey(name);
}
