using System.Globalization;
using AgentWorkspace.Components.Text;

namespace AgentWorkspace.Features.WebForm;

/// <summary>
/// The web form's words in the help-centre visitor's language (<see cref="KnowledgeBase.HelpCentre.HelpLanguage"/>), not
/// the request culture: the help centre speaks the customer's language whatever an agent's cookie says.
/// </summary>
public sealed class WebFormText(string language)
{
    public string Language { get; } = language == "es" ? "es" : "en";

    public CultureInfo Culture => CultureInfo.GetCultureInfo(Language);

    public string this[string key] => ResourceText<WebFormStrings>.Get(key, Culture);

    public string this[string key, params object?[] args] => string.Format(Culture, this[key], args);

    /// <summary>
    /// "195.3 KB", "10 MB": file sizes as people read them, to a tenth. A file's size is rounded up and a limit down
    /// (<paramref name="isLimit"/>), so a file just over the limit never reads as the same size as the limit.
    /// </summary>
    public string Size(long bytes, bool isLimit = false)
    {
        var (value, unit) = bytes >= 1024 * 1024 ? (bytes / 1024d / 1024d, "MB") : (bytes / 1024d, "KB");
        var tenths = isLimit ? Math.Floor(value * 10) : Math.Ceiling(value * 10);
        return (tenths / 10).ToString("0.#", Culture) + " " + unit;
    }
}
