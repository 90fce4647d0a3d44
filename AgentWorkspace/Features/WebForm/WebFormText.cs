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

    /// <summary>"200 KB", "10 MB": file sizes as people read them.</summary>
    public string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024d / 1024d).ToString("0.#", Culture) + " MB"
        : Math.Max(1, (long)Math.Ceiling(bytes / 1024d)).ToString("N0", Culture) + " KB";
}
