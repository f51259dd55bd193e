using ShopApp.Data;

namespace ShopApp.Services;

public sealed class PasswordResetService(UserRepository users, TokenService tokens, MailService mail, ILogger<PasswordResetService> logger)
{
    public async Task RequestAsync(string email)
    {
        logger.LogInformation(string.Format("Password reset requested for {0}", email)); // VULN V09
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return;
        }

        user.ResetToken = tokens.CreateResetToken();
        await users.SaveAsync();
        mail.SendResetMail(user.Email, user.ResetToken);
    }
}
