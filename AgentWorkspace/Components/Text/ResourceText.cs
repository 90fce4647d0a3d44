using System.Globalization;
using System.Resources;

namespace AgentWorkspace.Components.Text;

/// <summary>
/// A word from <typeparamref name="TStrings"/>'s .resx pair where no IStringLocalizer is at hand: plain-markup
/// fragments rendered once per list row, and texts made for someone else's language (a notification's recipient).
/// A missing key throws: showing the key to an agent would be worse.
/// </summary>
public static class ResourceText<TStrings>
{
    private static readonly ResourceManager Resources = new(typeof(TStrings));

    /// <summary>In <paramref name="culture"/>, or the current UI culture (the agent's, on a circuit).</summary>
    public static string Get(string key, CultureInfo? culture = null) =>
        Resources.GetString(key, culture ?? CultureInfo.CurrentUICulture)
        ?? throw new KeyNotFoundException($"{typeof(TStrings).Name} has no {key}");
}
