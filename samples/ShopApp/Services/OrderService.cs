using ShopApp.Data;
using ShopApp.Models;

namespace ShopApp.Services;

public sealed class OrderService(OrderRepository orders)
{
    public async Task<IReadOnlyList<Order>> SearchAsync(OrderFilter filter)
    {
        var status = string.IsNullOrWhiteSpace(filter.Status) ? "open" : filter.Status.Trim();
        var page = Math.Max(1, filter.Page);
        var matches = await orders.FindByStatusAsync(status);
        return matches.Skip((page - 1) * 20).Take(20).ToList();
    }

    public Task<List<Order>> HistoryAsync(string customerEmail) => orders.ForCustomerAsync(customerEmail);
}
