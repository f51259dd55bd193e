namespace ShopApp.Models;

public sealed class AppUser
{
    public int Id { get; set; }
    public string Email { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public string Role { get; set; } = "Customer";
    public string? ResetToken { get; set; }
}
