using Microsoft.EntityFrameworkCore;
using ShopApp.Models;

namespace ShopApp.Data;

public sealed class OrderRepository(ShopDbContext db)
{
    public async Task<List<Order>> FindByStatusAsync(string status)
    {
        return await db.Orders.FromSqlRaw($"SELECT * FROM Orders WHERE Status = '{status}' ORDER BY CreatedUtc DESC").ToListAsync(); // VULN V02
    }

    public async Task<List<Order>> ForCustomerAsync(string email)
    {
        return await db.Orders.FromSqlInterpolated($"SELECT * FROM Orders WHERE CustomerEmail = {email} ORDER BY CreatedUtc DESC").ToListAsync(); // SAFE S02
    }

    public Task<int> MarkShippedAsync(int orderId)
    {
        return db.Database.ExecuteSqlInterpolatedAsync($"UPDATE Orders SET Status = 'shipped' WHERE Id = {orderId}");
    }
}
