using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace AgentWorkspace.Features.Account;

/// <summary>
/// Identity's messages an admin can meet when creating an agent, in the admin's language. A user name is an email here,
/// so a duplicate or invalid user name reads as the email it is.
/// </summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<AccountStrings> L) : IdentityErrorDescriber
{
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), L["IdentityDuplicateEmail", email]);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), L["IdentityDuplicateEmail", userName]);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), L["IdentityInvalidEmail", email ?? ""]);

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), L["IdentityInvalidUserName", userName ?? ""]);

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), L["IdentityPasswordTooShort", length]);

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), L["IdentityPasswordRequiresDigit"]);

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), L["IdentityPasswordRequiresLower"]);

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), L["IdentityPasswordRequiresUpper"]);

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Error(nameof(PasswordRequiresNonAlphanumeric), L["IdentityPasswordRequiresNonAlphanumeric"]);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), L["IdentityPasswordRequiresUniqueChars", uniqueChars]);

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), L["IdentityConcurrencyFailure"]);

    public override IdentityError DefaultError() => Error(nameof(DefaultError), L["IdentityDefaultError"]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
