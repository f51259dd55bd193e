using System.Net;
using System.Net.Mail;

namespace ShopApp.Services;

public sealed class MailService
{
    public void SendResetMail(string recipient, string token)
    {
        using var client = new SmtpClient("localhost", 25);
        client.Credentials = new NetworkCredential("mailer@shop.local", "Sh0p-M4iler!2024"); // VULN V14
        using var message = new MailMessage("noreply@shop.local", recipient, "Reset your password", $"Your reset code is {token}.");
        client.Send(message);
    }
}
