namespace Osprey.Native.Sandbox;

/// <summary>POSIX shell quoting for replay commands.</summary>
internal static class ShellQuote
{
    public static string Quote(string argument)
    {
        if (argument.Length > 0 && argument.All(static c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or '=' or ':' or ',' or '+'))
        {
            return argument;
        }

        return "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
