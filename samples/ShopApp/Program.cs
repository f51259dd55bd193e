using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using ShopApp.Data;
using ShopApp.Services;
using ShopApp.Services.Exporters;

var builder = WebApplication.CreateBuilder(args);

var connectionString = builder.Configuration.GetConnectionString("Shop") ?? "Data Source=App_Data/shop.db";
builder.Services.AddDbContext<ShopDbContext>(options => options.UseSqlite(connectionString));
builder.Services.AddSingleton<SqliteConnectionFactory>();
builder.Services.AddScoped<ProductRepository>();
builder.Services.AddScoped<OrderRepository>();
builder.Services.AddScoped<UserRepository>();

builder.Services.AddScoped<ProductService>();
builder.Services.AddScoped<OrderService>();
builder.Services.AddScoped<PasswordResetService>();
builder.Services.AddSingleton<PasswordHasher>();
builder.Services.AddSingleton<TokenService>();
builder.Services.AddSingleton<MailService>();
builder.Services.AddSingleton<DiagnosticsService>();
builder.Services.AddSingleton<AttachmentService>();
builder.Services.AddSingleton<CatalogImportService>();
builder.Services.AddSingleton<ExporterFactory>();

builder.Services.AddHttpClient("images", client => client.Timeout = TimeSpan.FromSeconds(10));
builder.Services.AddScoped<IImageFetcher, HttpImageFetcher>();

builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(options =>
    {
        options.LoginPath = "/account/login";
        options.AccessDeniedPath = "/account/denied";
    });
builder.Services.AddAuthorization();
builder.Services.AddControllers();

var app = builder.Build();

using (var scope = app.Services.CreateScope())
{
    Directory.CreateDirectory(Path.Combine(app.Environment.ContentRootPath, "App_Data"));
    scope.ServiceProvider.GetRequiredService<ShopDbContext>().Database.EnsureCreated();
}

app.UseAuthentication();
app.UseAuthorization();
app.MapControllers();

// Catalogue editor: pull a product image from a supplier's site, or from our own CDN.
var images = app.MapGroup("/api/images").RequireAuthorization(new AuthorizeAttribute { Roles = "Staff" });
images.MapPost("/import", async (string url, IImageFetcher fetcher, CancellationToken cancellationToken) =>
    Results.File(await fetcher.FetchAsync(url, cancellationToken), "image/png"));
images.MapGet("/cdn", async (string url, IImageFetcher fetcher, CancellationToken cancellationToken) =>
    Results.File(await fetcher.FetchFromCdnAsync(url, cancellationToken), "image/png"));

app.MapGet("/health", () => Results.Ok("ok")).AllowAnonymous();

app.Run();
