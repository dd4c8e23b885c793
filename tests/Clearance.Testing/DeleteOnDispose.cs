namespace Clearance.Tests;

/// <summary>Deletes a test's temporary file when the test ends.</summary>
public sealed class DeleteOnDispose(string path) : IDisposable
{
    public void Dispose() => File.Delete(path);
}
