using Microsoft.CodeAnalysis.Operations;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>Folds binary operators over known constants, for deciding branch conditions.</summary>
internal static class ConstantFolding
{
    /// <summary>Folds <paramref name="kind"/> over two constants; false when the operands are not foldable.</summary>
    public static bool TryFold(BinaryOperatorKind kind, object? left, object? right, out object? result)
    {
        result = null;
        if (left is bool lb && right is bool rb)
        {
            result = kind switch
            {
                BinaryOperatorKind.Equals => lb == rb,
                BinaryOperatorKind.NotEquals => lb != rb,
                BinaryOperatorKind.And or BinaryOperatorKind.ConditionalAnd => lb && rb,
                BinaryOperatorKind.Or or BinaryOperatorKind.ConditionalOr => lb || rb,
                BinaryOperatorKind.ExclusiveOr => lb ^ rb,
                _ => null,
            };
            return result is not null;
        }

        if (IsInteger(left) && IsInteger(right))
        {
            var l = Convert.ToInt64(left, System.Globalization.CultureInfo.InvariantCulture);
            var r = Convert.ToInt64(right, System.Globalization.CultureInfo.InvariantCulture);
            result = kind switch
            {
                BinaryOperatorKind.Equals => l == r,
                BinaryOperatorKind.NotEquals => l != r,
                BinaryOperatorKind.LessThan => l < r,
                BinaryOperatorKind.LessThanOrEqual => l <= r,
                BinaryOperatorKind.GreaterThan => l > r,
                BinaryOperatorKind.GreaterThanOrEqual => l >= r,
                BinaryOperatorKind.Add => (object)(l + r),
                BinaryOperatorKind.Subtract => l - r,
                BinaryOperatorKind.Multiply => l * r,
                BinaryOperatorKind.Remainder when r != 0 => l % r,
                BinaryOperatorKind.Divide when r != 0 => l / r,
                _ => null,
            };
            if (result is long folded && left is int && right is int && folded is >= int.MinValue and <= int.MaxValue)
            {
                result = (int)folded;
            }

            return result is not null;
        }

        if (left is string ls && right is string rs)
        {
            result = kind switch
            {
                BinaryOperatorKind.Equals => ls == rs,
                BinaryOperatorKind.NotEquals => ls != rs,
                BinaryOperatorKind.Add => ls + rs,
                _ => null,
            };
            return result is not null;
        }

        if (left is null && right is null && kind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals)
        {
            result = kind == BinaryOperatorKind.Equals;
            return true;
        }

        return false;
    }

    private static bool IsInteger(object? value) => value is int or long or short or byte or sbyte or ushort or uint or char;
}
