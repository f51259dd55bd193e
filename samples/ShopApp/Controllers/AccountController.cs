using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShopApp.Data;
using ShopApp.Models;
using ShopApp.Services;

namespace ShopApp.Controllers;

[ApiController]
[Route("account")]
[Authorize]
public sealed class AccountController(UserRepository users, PasswordHasher hasher, PasswordResetService resets, TokenService tokens) : ControllerBase
{
    [HttpPost("register")]
    [AllowAnonymous]
    public async Task<IActionResult> Register([FromForm] string email, [FromForm] string password)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return Conflict();
        }

        await users.AddAsync(new AppUser { Email = email, PasswordHash = hasher.Hash(password), Role = "Customer" });
        return Created();
    }

    [HttpPost("login")]
    [AllowAnonymous]
    public async Task<IActionResult> Login([FromForm] string email, [FromForm] string password, [FromQuery] string? returnUrl)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null || !hasher.Verify(password, user.PasswordHash))
        {
            return Unauthorized();
        }

        Claim[] claims = [new Claim(ClaimTypes.Name, user.Email), new Claim(ClaimTypes.Role, user.Role)];
        var identity = new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return Redirect(returnUrl ?? "/"); // VULN V07
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout([FromQuery] string? returnUrl)
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl))
        {
            return Redirect(returnUrl); // SAFE S06
        }

        return Redirect("/");
    }

    [HttpPost("forgot-password")]
    [AllowAnonymous]
    public async Task<IActionResult> ForgotPassword([FromForm] string email)
    {
        await resets.RequestAsync(email);
        return Accepted();
    }

    [HttpPost("api-token")]
    public IActionResult ApiToken()
    {
        return Ok(new { token = tokens.CreateApiToken() });
    }
}
