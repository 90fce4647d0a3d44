namespace AgentWorkspace.Features.Surveys;

/// <summary>Marker for the surveys' resources: the agents' panel, the customer's survey page (in the customer's language).</summary>
public sealed class SurveyStrings;
