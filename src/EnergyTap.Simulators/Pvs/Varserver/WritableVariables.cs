using System.Globalization;

namespace EnergyTap.Simulators.Pvs.Varserver;

/// <summary>The few variables an owner may set: ESS control mode and reserve, and the telemetry WebSocket switch.</summary>
internal static class WritableVariables
{
    /// <summary>The storage controller's operational modes (dl_cgi swagger, ess_state.operational_mode).</summary>
    public static readonly IReadOnlySet<string> ControlModes = new HashSet<string>(StringComparer.Ordinal)
    {
        "STANDBY", "MANUAL_CHARGE", "MANUAL_DCM", "DCM", "TARIFF_OPTIMIZER", "ENERGY_ARBITRAGE",
        "SELF_CONSUMPTION", "BACKUP_ONLY", "HECO_ZERO_EXPORT",
    };

    public static bool IsWritable(string name) =>
        name is VariableTable.ControlMode or VariableTable.MinCustomerSoc or VariableTable.TelemetryEnable;

    /// <summary>Applies a write; returns an error message when the value is not acceptable.</summary>
    public static string? TryApply(SimulatedPvs pvs, string name, string value)
    {
        switch (name)
        {
            case VariableTable.ControlMode when ControlModes.Contains(value):
                pvs.Settings = pvs.Settings with { ControlMode = value };
                return null;
            case VariableTable.ControlMode:
                return $"invalid control mode '{value}'";
            case VariableTable.MinCustomerSoc when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var soc) && soc is >= 0 and <= 1:
                pvs.Settings = pvs.Settings with { MinCustomerSoc = soc };
                return null;
            case VariableTable.MinCustomerSoc:
                return $"min_customer_soc must be between 0.0 and 1.0, got '{value}'";
            case VariableTable.TelemetryEnable when value is "0" or "1":
                pvs.Settings = pvs.Settings with { TelemetryEnabled = value == "1" };
                return null;
            default:
                return $"invalid value '{value}' for {name}";
        }
    }
}
