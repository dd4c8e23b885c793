namespace Clearance.Cli.Tests;

/// <summary>A fresh folder under the system temp directory, deleted when the test ends.</summary>
sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"clearance-test-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
