using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AgentWorkspace.Data;

/// <summary>Stores a DateTimeOffset as UTC ticks (INTEGER), which SQLite can index, compare and sort.</summary>
public sealed class DateTimeOffsetToUtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
