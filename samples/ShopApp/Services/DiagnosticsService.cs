using System.Diagnostics;

namespace ShopApp.Services;

/// <summary>Network checks for the admin "diagnostics" page.</summary>
public sealed class DiagnosticsService
{
    private static readonly HashSet<string> LookupTargets = new(StringComparer.OrdinalIgnoreCase)
    {
        "db.shop.local",
        "smtp.shop.local",
        "cdn.shop.local",
    };

    public string Ping(string host)
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/sh", "-c \"ping -c 2 " + host + "\"") { RedirectStandardOutput = true })!; // VULN V03
        return ReadOutput(process);
    }

    public string Lookup(string host)
    {
        if (!LookupTargets.Contains(host))
        {
            throw new ArgumentException("Host is not in the diagnostics allow-list.", nameof(host));
        }

        using var process = Process.Start(new ProcessStartInfo("nslookup", host) { RedirectStandardOutput = true })!; // SAFE S05
        return ReadOutput(process);
    }

    private static string ReadOutput(Process process)
    {
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit(5000);
        return output;
    }
}
