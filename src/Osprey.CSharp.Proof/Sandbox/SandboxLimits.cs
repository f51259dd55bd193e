namespace Osprey.CSharp.Proof.Sandbox;

/// <summary>The resources one sandboxed run may use.</summary>
public sealed record SandboxLimits
{
    /// <summary>The default limits.</summary>
    public static SandboxLimits Default { get; } = new();

    /// <summary>Wall-clock limit; the whole process group is killed when it passes.</summary>
    /// <value>30 seconds.</value>
    public TimeSpan WallClock { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Managed heap limit handed to the .NET runtime (<c>DOTNET_GCHeapHardLimit</c>). The address
    /// space is capped at this plus <see cref="AddressSpaceHeadroomBytes"/>, which the runtime needs
    /// for code and reservations and which also stops unbounded native allocation.
    /// </summary>
    /// <value>512 MiB.</value>
    public long MemoryBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Address space allowed above <see cref="MemoryBytes"/>.</summary>
    /// <value>2 GiB.</value>
    public long AddressSpaceHeadroomBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Most processes and threads the run may have at once (a .NET process uses ~20 threads).</summary>
    /// <value>128.</value>
    public int MaxProcesses { get; init; } = 128;

    /// <summary>Most bytes kept from each of standard output and standard error.</summary>
    /// <value>1 MiB.</value>
    public int MaxOutputBytes { get; init; } = 1024 * 1024;

    /// <summary>The address-space cap in bytes.</summary>
    public long AddressSpaceBytes => MemoryBytes + AddressSpaceHeadroomBytes;
}
