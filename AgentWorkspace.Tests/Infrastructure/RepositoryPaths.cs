namespace AgentWorkspace.Tests.Infrastructure;

/// <summary>Where the checkout is, found from the test output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string App => Path.Combine(Root, "AgentWorkspace");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AgentWorkspace.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("AgentWorkspace.sln not found above the test output");
    }
}
