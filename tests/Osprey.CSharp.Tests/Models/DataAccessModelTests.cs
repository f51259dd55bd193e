using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Models;

/// <summary>
/// SQL sinks of every ADO.NET provider, EF Core, EF6, Dapper and NHibernate. Each library is
/// declared without bodies, in its own namespace, so that calls into it are library calls as with
/// the real package.
/// </summary>
public sealed class DataAccessModelTests
{
    private static string Provider(string ns, string command) => $$"""
        namespace {{ns}}
        {
            public sealed class {{command}}
            {
                public extern {{command}}(string commandText);
                public extern {{command}}();
                public extern string CommandText { get; set; }
                public extern object ExecuteScalar();
            }
        }

        """;

    private static string Program(string ns, string command, string body) => Provider(ns, command) + $$"""
        public static class Orders
        {
            public static object Find()
            {
                var name = System.Console.ReadLine()!; // source
        {{body}}
            }
        }
        """;

    public static TheoryData<string, string> Providers => new()
    {
        { "Microsoft.Data.SqlClient", "SqlCommand" },
        { "System.Data.SqlClient", "SqlCommand" },
        { "Npgsql", "NpgsqlCommand" },
        { "Microsoft.Data.Sqlite", "SqliteCommand" },
        { "System.Data.SQLite", "SQLiteCommand" },
        { "MySql.Data.MySqlClient", "MySqlCommand" },
        { "MySqlConnector", "MySqlCommand" },
        { "Oracle.ManagedDataAccess.Client", "OracleCommand" },
        { "System.Data.OleDb", "OleDbCommand" },
        { "System.Data.Odbc", "OdbcCommand" },
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public void ProviderCommandConstructor_Concatenation_SqlInjection_Diagnostic(string ns, string command)
    {
        var source = Program(ns, command, $"        return new {ns}.{command}(\"SELECT * FROM o WHERE name = '\" + name + \"'\").ExecuteScalar(); // sink");

        FindingAssert.Single(TaintRun.Library(source), source, "cs/sql-injection");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void ProviderCommandText_Concatenation_SqlInjection_Diagnostic(string ns, string command)
    {
        var source = Program(ns, command, $"        var c = new {ns}.{command}();\n        c.CommandText = \"SELECT * FROM o WHERE name = '\" + name + \"'\"; // sink\n        return c.ExecuteScalar();");

        FindingAssert.Single(TaintRun.Library(source), source, "cs/sql-injection");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void ProviderCommand_ConstantTextParsedNumber_NoDiagnostic(string ns, string command)
    {
        var source = Program(ns, command, $"        new {ns}.{command}(\"SELECT * FROM o WHERE name = @name\").ExecuteScalar();\n        return new {ns}.{command}(\"SELECT * FROM o WHERE id = \" + int.Parse(name)).ExecuteScalar();");

        FindingAssert.None(TaintRun.Library(source), "cs/sql-injection");
    }

    private const string EfCore = """
        namespace Microsoft.EntityFrameworkCore
        {
            public class DbSet<T> where T : class { }
            public static class RelationalQueryableExtensions
            {
                public static extern System.Linq.IQueryable<T> FromSqlRaw<T>(this DbSet<T> set, string sql, params object[] parameters) where T : class;
                public static extern System.Linq.IQueryable<T> FromSqlInterpolated<T>(this DbSet<T> set, System.FormattableString sql) where T : class;
            }
        }

        """;

    [Fact]
    public void EfCoreFromSqlRaw_Concatenation_SqlInjection_Diagnostic_AndInterpolatedNot()
    {
        const string source = "using Microsoft.EntityFrameworkCore;\n" + EfCore + """
            public sealed class User { }
            public static class Users
            {
                public static object Find(DbSet<User> users)
                {
                    var name = System.Console.ReadLine()!; // source
                    var safe = users.FromSqlInterpolated($"SELECT * FROM users WHERE name = {name}");
                    return users.FromSqlRaw("SELECT * FROM users WHERE name = '" + name + "'"); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/sql-injection");
    }

    [Fact]
    public void Ef6DatabaseSqlQuery_Concatenation_SqlInjection_Diagnostic()
    {
        const string source = """
            namespace System.Data.Entity
            {
                public class Database
                {
                    public extern System.Collections.Generic.IEnumerable<T> SqlQuery<T>(string sql, params object[] parameters);
                    public extern int ExecuteSqlCommand(string sql, params object[] parameters);
                }
            }
            public static class Reports
            {
                public static int Purge(System.Data.Entity.Database database)
                {
                    var table = System.Console.ReadLine()!; // source
                    database.SqlQuery<int>("SELECT COUNT(*) FROM t WHERE x = @p0", table);
                    return database.ExecuteSqlCommand("DELETE FROM " + table); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/sql-injection");
    }

    private const string Dapper = """
        namespace Dapper
        {
            public static class SqlMapper
            {
                public static extern System.Collections.Generic.IEnumerable<T> Query<T>(this System.Data.IDbConnection connection, string sql, object? param = null);
                public static extern int Execute(this System.Data.IDbConnection connection, string sql, object? param = null);
            }
        }

        """;

    [Fact]
    public void DapperQuery_Concatenation_SqlInjection_Diagnostic_AndParametersNot()
    {
        const string source = "using Dapper;\n" + Dapper + """
            public static class Products
            {
                public static object Find(System.Data.IDbConnection connection)
                {
                    var name = System.Console.ReadLine()!; // source
                    connection.Query<int>("SELECT id FROM p WHERE name = @name", new { name });
                    return connection.Query<int>("SELECT id FROM p WHERE name = '" + name + "'"); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/sql-injection");
    }

    [Fact]
    public void NHibernateCreateSqlQuery_Concatenation_SqlInjection_Diagnostic()
    {
        const string source = """
            namespace NHibernate
            {
                public interface IQuery { }
                public interface ISession { IQuery CreateSQLQuery(string sql); IQuery CreateQuery(string hql); }
            }
            public static class Orders
            {
                public static object Find(NHibernate.ISession session)
                {
                    var customer = System.Console.ReadLine()!; // source
                    session.CreateQuery("from Order o where o.Customer = :customer");
                    return session.CreateSQLQuery("SELECT * FROM orders WHERE customer = '" + customer + "'"); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/sql-injection");
    }
}
