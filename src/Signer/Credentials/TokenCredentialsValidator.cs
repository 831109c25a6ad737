using FluentValidation;

namespace Fedmd.Signer.Credentials;

/// <summary>
/// The HSM vendor's credential rules: labels of at most 254 characters from <c>A-Z a-z 0-9 $ - _</c>, and a PIN of 1
/// to 254 printable 7-bit ASCII characters without white space. Messages never include the PIN.
/// </summary>
public sealed class TokenCredentialsValidator : AbstractValidator<TokenCredentials>
{
    private const string LabelPattern = "^[A-Za-z0-9$_-]{1,254}$";

    /// <summary>Creates the validator.</summary>
    public TokenCredentialsValidator()
    {
        RuleFor(c => c.TokenLabel).Matches(LabelPattern)
            .WithMessage("token label must be 1 to 254 characters from A-Z a-z 0-9 $ - _");
        RuleFor(c => c.KeyLabel!).Matches(LabelPattern).When(c => c.KeyLabel is not null)
            .WithMessage("key label must be 1 to 254 characters from A-Z a-z 0-9 $ - _");
        RuleFor(c => c.Pin.Length).InclusiveBetween(1, 254)
            .WithName("PIN").WithMessage("PIN must be 1 to 254 characters long");
        RuleFor(c => c.Pin.IsPrintableAsciiWithoutWhiteSpace).Equal(true)
            .WithName("PIN").WithMessage("PIN must be printable 7-bit ASCII without white space");
    }
}
