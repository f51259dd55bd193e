using Microsoft.EntityFrameworkCore;
using ShopApp.Models;

namespace ShopApp.Data;

public sealed class UserRepository(ShopDbContext db)
{
    public Task<AppUser?> FindByEmailAsync(string email)
    {
        return db.Users.SingleOrDefaultAsync(u => u.Email == email);
    }

    public async Task AddAsync(AppUser user)
    {
        db.Users.Add(user);
        await db.SaveChangesAsync();
    }

    public Task SaveAsync()
    {
        return db.SaveChangesAsync();
    }
}
