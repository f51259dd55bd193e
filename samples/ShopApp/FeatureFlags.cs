namespace ShopApp;

/// <summary>Compile-time switches for features that were retired but not yet deleted.</summary>
public static class FeatureFlags
{
    /// <summary>The v1 CSV export built its SQL by hand. It was switched off in favour of the parameterised export.</summary>
    public const bool LegacyExport = false;
}
