namespace AgentWorkspace.Data;

/// <summary>
/// An entity two people can edit at once. SQLite has no rowversion, so <see cref="AppDbContext"/> bumps
/// <see cref="Version"/> on every update and EF checks the original value in the UPDATE's WHERE clause:
/// a stale write fails with DbUpdateConcurrencyException instead of silently overwriting.
/// </summary>
public interface IVersioned
{
    long Version { get; set; }
}
