namespace Osprey.Cli.Tests.Support;

/// <summary>Small programs the marker engine reports on.</summary>
internal static class Programs
{
    /// <summary>One high finding (with a source) and one low finding.</summary>
    public const string Vulnerable = """
        class Sample
        {
            void Handle()
            {
                var q = SOURCE();
                EXEC("select * from t where x = '" + q + "'");
            }

            void Log()
            {
                EXEC("noise"); // low
            }
        }
        """;

    public const string Clean = """
        class Clean
        {
            void Handle() => Run("constant");
        }
        """;
}
