using Microsoft.Data.Sqlite;

namespace ShopApp.Data;

/// <summary>Opens raw ADO.NET connections for the hand-written catalogue queries.</summary>
public sealed class SqliteConnectionFactory(IConfiguration configuration)
{
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(configuration.GetConnectionString("Shop"));
        connection.Open();
        return connection;
    }
}
