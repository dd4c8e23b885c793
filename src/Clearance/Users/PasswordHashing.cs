using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Clearance.Users;

/// <summary>PBKDF2-HMAC-SHA512 with a random salt; the hash string carries its algorithm and cost so both can be raised later.</summary>
public static class PasswordHashing
{
    const string Algorithm = "pbkdf2-sha512";

    // OWASP Password Storage Cheat Sheet (2023): 210,000 iterations for PBKDF2-HMAC-SHA512.
    const int Iterations = 210_000;
    const int SaltBytes = 16;
    const int HashBytes = 32;

    static readonly string DummyHash = Hash("not a password anyone has");

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA512, HashBytes);
        return string.Join('$', Algorithm, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>True when <paramref name="password"/> matches; a null hash (no such user, or no password) costs the same time and fails.</summary>
    public static bool Verify(string? storedHash, string password)
    {
        var parts = (storedHash ?? DummyHash).Split('$');
        if (parts.Length != 4 || !string.Equals(parts[0], Algorithm, StringComparison.Ordinal)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations))
        {
            return false;
        }

        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA512, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected) && storedHash is not null;
    }
}
