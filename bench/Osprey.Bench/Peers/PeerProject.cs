using System.Collections.Immutable;

namespace Osprey.Bench.Peers;

/// <summary>
/// What a generated analysis project compiles: the scanned files (by absolute path, never copied),
/// the references they need, and the target framework.
/// </summary>
/// <param name="Name">A name for the project and its folder.</param>
/// <param name="TargetFramework">e.g. <c>net48</c> or <c>net10.0</c>.</param>
/// <param name="CompileFiles">Absolute paths of the C# files.</param>
/// <param name="FrameworkReferences">Assembly names resolved from the framework (<c>System.Web</c>).</param>
/// <param name="HintReferences">Absolute paths of DLLs to reference.</param>
/// <param name="Packages">Library packages the scanned code needs to compile.</param>
internal sealed record PeerProject(
    string Name,
    string TargetFramework,
    ImmutableArray<string> CompileFiles,
    ImmutableArray<string> FrameworkReferences,
    ImmutableArray<string> HintReferences,
    ImmutableArray<PackageRef> Packages);
