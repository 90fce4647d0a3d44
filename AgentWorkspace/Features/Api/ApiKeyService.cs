using System.Security.Cryptography;
using System.Text;
using AgentWorkspace.Components.Text;
using AgentWorkspace.Data;
using AgentWorkspace.Features.Agents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentWorkspace.Features.Api;

/// <summary>
/// Issues, lists and revokes API keys, and recognises a presented key. The secret exists only in the
/// answer to <see cref="CreateAsync"/>; the database keeps its prefix (to find the row) and its SHA-256.
/// </summary>
public sealed class ApiKeyService(
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider clock,
    IStringLocalizer<ApiStrings> L,
    IStringLocalizer<AgentsStrings> textL)
{
    public const string KeyStart = "aw_";
    public const int RandomLength = 32;
    public const int KeyLength = 35;
    public const int PrefixLength = 12;
    public const int MaxNameLength = 100;

    /// <summary>Writing LastUsedAt on every call would make each API read a write; once a minute is enough for "last used".</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private const string UrlSafeChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    public async Task<ApiKeyCreated> CreateAsync(string adminId, string name, int? teamId)
    {
        var cleanName = TextInput.Line(name, "The key's name", MaxNameLength);
        if (!cleanName.IsValid)
        {
            return ApiKeyCreated.Fail(cleanName.Problem is TextProblem.Empty or TextProblem.TooLong
                ? L["KeyNameLength", MaxNameLength]
                : AdminText.Refusal(textL, cleanName, L["FieldKeyName"], MaxNameLength));
        }
        name = cleanName.Value!;
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await IsActiveAdminAsync(db, adminId))
        {
            return ApiKeyCreated.Fail(L["OnlyAdmins"]);
        }
        if (teamId is { } team && !await db.Teams.AnyAsync(t => t.Id == team))
        {
            return ApiKeyCreated.Fail(L["TeamGone"]);
        }
        string secret;
        do
        {
            secret = KeyStart + RandomNumberGenerator.GetString(UrlSafeChars, RandomLength);
        }
        while (await db.ApiKeys.AnyAsync(k => k.Prefix == secret.Substring(0, PrefixLength)));

        var key = new ApiKey
        {
            Name = name,
            Prefix = secret[..PrefixLength],
            Hash = Convert.ToHexStringLower(Hash(secret)),
            TeamId = teamId,
            CreatedById = adminId,
            CreatedAt = clock.GetUtcNow(),
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync();
        return new ApiKeyCreated(true, null, key.Id, secret);
    }

    public async Task<IReadOnlyList<ApiKeyRow>> ListAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await (from k in db.ApiKeys.AsNoTracking()
                      join t in db.Teams on k.TeamId equals t.Id into teams
                      from t in teams.DefaultIfEmpty()
                      join a in db.Users on k.CreatedById equals a.Id
                      orderby k.RevokedAt != null, k.CreatedAt descending
                      select new ApiKeyRow(k.Id, k.Name, k.Prefix, k.TeamId, t != null ? t.Name : null, a.DisplayName,
                          k.CreatedAt, k.LastUsedAt, k.RevokedAt))
            .ToListAsync();
    }

    public async Task<bool> RevokeAsync(string adminId, int keyId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await IsActiveAdminAsync(db, adminId))
        {
            return false;
        }
        var now = clock.GetUtcNow();
        return await db.ApiKeys.Where(k => k.Id == keyId && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now)) == 1;
    }

    /// <summary>The live key a caller presented, or null: unknown, malformed, wrong secret, revoked, or issued by a deactivated admin.</summary>
    public async Task<ApiKey?> FindActiveAsync(string presented)
    {
        if (presented.Length != KeyLength || !presented.StartsWith(KeyStart, StringComparison.Ordinal))
        {
            return null;
        }
        var prefix = presented[..PrefixLength];
        await using var db = await dbFactory.CreateDbContextAsync();
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Prefix == prefix);
        if (key is null || key.RevokedAt is not null
            || !CryptographicOperations.FixedTimeEquals(Convert.FromHexString(key.Hash), Hash(presented)))
        {
            return null;
        }
        // The API acts on behalf of the admin who issued the key: it stops when they are deactivated.
        if (!await db.Users.AnyAsync(a => a.Id == key.CreatedById && a.IsActive))
        {
            return null;
        }
        var now = clock.GetUtcNow();
        if (key.LastUsedAt is null || now - key.LastUsedAt >= LastUsedResolution)
        {
            // Conditional, so simultaneous requests with the same key write it once.
            var staleBefore = now - LastUsedResolution;
            await db.ApiKeys.Where(k => k.Id == key.Id && (k.LastUsedAt == null || k.LastUsedAt <= staleBefore))
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now));
        }
        return key;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static Task<bool> IsActiveAdminAsync(AppDbContext db, string agentId) =>
        (from ur in db.UserRoles
         join r in db.Roles on ur.RoleId equals r.Id
         join a in db.Users on ur.UserId equals a.Id
         where ur.UserId == agentId && r.Name == Roles.Admin && a.IsActive
         select ur).AnyAsync();
}

/// <summary>The answer to creating a key: the only time its secret is available.</summary>
public sealed record ApiKeyCreated(bool Succeeded, string? Error, int? Id, string? Secret)
{
    public static ApiKeyCreated Fail(string error) => new(false, error, null, null);
}

public sealed record ApiKeyRow(
    int Id, string Name, string Prefix, int? TeamId, string? TeamName, string CreatedBy,
    DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}
