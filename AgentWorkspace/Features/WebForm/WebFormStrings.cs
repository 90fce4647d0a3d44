namespace AgentWorkspace.Features.WebForm;

/// <summary>Marker for the web form's resources (WebFormStrings.resx, WebFormStrings.es.resx), read through <see cref="WebFormText"/>.</summary>
public sealed class WebFormStrings;
