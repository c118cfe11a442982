using EnergyTap.SunSpec;
using EnergyTap.SunSpec.Writing;

namespace EnergyTap.FranklinWH.Agate.Control;

/// <summary>
/// One step of a control sequence: write, let the aGate settle, read back, and turn anything but a
/// verified read-back into an exception (a silent discard is a failure, not a success).
/// </summary>
internal static class VerifiedSteps
{
    public static async Task RunAsync(SunSpecDevice device, TimeSpan settling, CancellationToken cancellationToken, params PointWrite[] writes)
    {
        var report = await device.WriteAsync(writes, settling, cancellationToken);
        foreach (var result in report.Results)
        {
            switch (result.Outcome)
            {
                case WriteOutcome.Verified:
                    continue;
                case WriteOutcome.Discarded:
                    throw new AgateWriteNotAppliedException(result.Point.FullName, Describe(result.Requested), result.ReadBack?.Display ?? "nothing");
                default:
                    throw new AgateException($"the aGate refused {result.Point.FullName} = {Describe(result.Requested)}: {result.Error ?? result.Outcome.ToString()}");
            }
        }
    }

    private static string Describe(object? value) => value switch
    {
        SunSpec.Codecs.RawValue raw => $"{raw.Value} (raw)",
        null => "null",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "?",
    };
}
