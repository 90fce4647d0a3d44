namespace LiveBench;

internal sealed record RunOptions(Uri Url, int Pid, string PreparedPath, IReadOnlyList<int> Screens, int Browsers, int Changes,
    int TicketScreens, int Chats, bool Heap, string Out, string Label, int PhaseSeconds, Uri? SecondNode)
{
    public static RunOptions From(Args a) => new(
        new Uri(a.Required("url")),
        int.Parse(a.Required("pid")),
        a.Required("prepared"),
        (a.Get("screens") ?? "0,25,50,100").Split(',').Select(int.Parse).ToList(),
        a.Int("browsers", 10),
        a.Int("changes", 100),
        a.Int("ticket-screens", 20),
        a.Int("chats", 20),
        a.Flag("heap"),
        a.Get("out") ?? ".",
        a.Get("label") ?? "",
        a.Int("phase-seconds", 45),
        a.Get("second-node") is { } second ? new Uri(second) : null);
}
