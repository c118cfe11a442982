using System.Text;
using EnergyTap.FranklinWH.Cloud.Auth;

namespace EnergyTap.Cli.Commands.Cloud;

/// <summary>
/// Credentials come from ENERGYTAP_CLOUD_EMAIL / ENERGYTAP_CLOUD_PASSWORD or an interactive prompt (password not
/// echoed) — never from arguments, which end up in shell history and process lists. Asked only when a login is needed.
/// </summary>
internal static class CloudCredentialsSource
{
    public const string EmailVariable = "ENERGYTAP_CLOUD_EMAIL";
    public const string PasswordVariable = "ENERGYTAP_CLOUD_PASSWORD";

    public static string? EmailFromEnvironment => NonEmpty(Environment.GetEnvironmentVariable(EmailVariable));

    public static ValueTask<CloudCredentials> ObtainAsync(CancellationToken cancellationToken)
    {
        var email = EmailFromEnvironment;
        var password = NonEmpty(Environment.GetEnvironmentVariable(PasswordVariable));
        if (email is not null && password is not null)
        {
            return ValueTask.FromResult(new CloudCredentials(email, password));
        }

        if (Console.IsInputRedirected)
        {
            throw new InvalidOperationException(
                $"a FranklinWH login is needed: set {EmailVariable} and {PasswordVariable} (stdin is not a terminal, so EnergyTap cannot prompt).");
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (email is null)
        {
            Console.Error.Write("FranklinWH account email: ");
            email = NonEmpty(Console.ReadLine()) ?? throw new InvalidOperationException("no email given.");
        }

        Console.Error.Write($"FranklinWH password for {email}: ");
        password = NonEmpty(ReadHidden()) ?? throw new InvalidOperationException("no password given.");
        return ValueTask.FromResult(new CloudCredentials(email, password));
    }

    private static string ReadHidden()
    {
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
