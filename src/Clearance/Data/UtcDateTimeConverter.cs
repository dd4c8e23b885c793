using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Clearance.Data;

/// <summary>Every DateTime the application stores is UTC; this restores the Kind a provider does not keep.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
