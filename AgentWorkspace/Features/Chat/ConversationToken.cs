using System.Security.Cryptography;
using System.Text;

namespace AgentWorkspace.Features.Chat;

/// <summary>The widget's credential for one conversation: 256 random bits; the server keeps only its SHA-256.</summary>
public static class ConversationToken
{
    private const string Prefix = "awc_";
    private const int MaxLength = 100;

    public static (string Token, byte[] Hash) New()
    {
        var token = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    /// <summary>The stored form of a token, or null when the string can't be one (so it is never looked up).</summary>
    public static byte[]? TryHash(string? token) =>
        string.IsNullOrEmpty(token) || token.Length > MaxLength || !token.StartsWith(Prefix, StringComparison.Ordinal) ? null : Hash(token);

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    internal static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
