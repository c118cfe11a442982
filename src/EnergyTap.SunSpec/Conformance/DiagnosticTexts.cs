namespace EnergyTap.SunSpec.Conformance;

/// <summary>
/// The built-in diagnostic sequences, identical to examples/diagnostics/*.json (a test keeps them equal), so
/// `energytap conformance` needs no files and the files can be run or adapted with `energytap sequence run`.
/// </summary>
internal static class DiagnosticTexts
{
    public const string ActivePower = """
        {
          "name": "Active power (WSetPct) conformance",
          "description": "Determines if remote active power control works and which WSetPct sign charges: writes WSetPct=-10 % under control, then reads 714.DCW.",
          "steps": [
            { "step": "Stop: disable control", "writes": { "704.WSetEna": 0 }, "sleep_ms": 500 },
            { "step": "Probe: percent mode, WSetPct -10 %", "writes": { "704.WSetMod": 0, "704.WSetPct": -10 }, "abort_on_failure": false, "sleep_ms": 500 },
            { "step": "Probe: enable control", "writes": { "704.WSetEna": 1 }, "abort_on_failure": false, "sleep_ms": 2000 },
            { "step": "Evidence: battery power", "reads": ["704.WSetPct", "714.DCW"] },
            { "m": 704, "p": ["WSetEna", "WSetPct", "WSet"], "v": [0, 0, 0], "note": "Release Modbus control" }
          ]
        }
        """;

    public const string PowerFactor = """
        {
          "name": "Power factor (PFWInjEna) conformance",
          "description": "Determines if the power factor enable is writable: turns PFWInjEna off, reads 701.PF, and turns it back on (never leave it off).",
          "steps": [
            { "step": "Probe: disable PF control", "writes": { "704.PFWInjEna": 0 }, "abort_on_failure": false, "sleep_ms": 500 },
            { "step": "Evidence: power factor", "reads": ["704.PFWInjEna", "701.PF"] },
            { "step": "Restore: enable PF control", "writes": { "704.PFWInjEna": 1 }, "abort_on_failure": false },
            { "m": 704, "p": ["WSetEna", "WSetPct", "WSet"], "v": [0, 0, 0], "note": "Release Modbus control" }
          ]
        }
        """;

    public const string Curtailment = """
        {
          "name": "Curtailment (WMaxLimPct) conformance",
          "description": "Determines if global curtailment is functional: writes WMaxLimPct=50 and WMaxLimPctEna=1 and checks that they read back.",
          "steps": [
            { "step": "Probe: limit to 50 % and enable", "writes": { "704.WMaxLimPct": 50, "704.WMaxLimPctEna": 1 }, "abort_on_failure": false },
            { "step": "Evidence: limit registers", "reads": ["704.WMaxLimPctEna", "704.WMaxLimPct"] },
            { "step": "Restore: disable the limit", "writes": { "704.WMaxLimPctEna": 0 }, "verify": false, "abort_on_failure": false },
            { "m": 704, "p": ["WSetEna", "WSetPct", "WSet"], "v": [0, 0, 0], "note": "Release Modbus control" }
          ]
        }
        """;

    public const string ReactivePower = """
        {
          "name": "Reactive power (VarSet) conformance",
          "description": "Determines if reactive power control is enabled: writes VarSetMod=VARS, VarSet=500 var and VarSetEna=1 and checks that they read back.",
          "steps": [
            { "step": "Probe: reactive power 500 var", "writes": { "704.VarSetMod": "VARS", "704.VarSet": 500 }, "abort_on_failure": false },
            { "step": "Probe: enable reactive power control", "writes": { "704.VarSetEna": 1 }, "abort_on_failure": false },
            { "step": "Evidence: reactive power registers", "reads": ["704.VarSetEna", "704.VarSet", "701.Var"] },
            { "step": "Restore: disable reactive power control", "writes": { "704.VarSetEna": 0 }, "verify": false, "abort_on_failure": false },
            { "m": 704, "p": ["WSetEna", "WSetPct", "WSet"], "v": [0, 0, 0], "note": "Release Modbus control" }
          ]
        }
        """;

    public const string Heartbeat = """
        {
          "name": "Heartbeat (ControllerHb) conformance",
          "description": "Checks if the hardware safety heartbeat is active: writes 715.ControllerHb twice and checks that the device keeps the values.",
          "steps": [
            { "step": "Evidence: heartbeats before", "reads": ["715.DERHb", "715.ControllerHb"] },
            { "step": "Probe: controller heartbeat 1", "writes": { "715.ControllerHb": 1 }, "abort_on_failure": false, "sleep_ms": 1000 },
            { "step": "Probe: controller heartbeat 2", "writes": { "715.ControllerHb": 2 }, "abort_on_failure": false },
            { "step": "Evidence: heartbeats after", "reads": ["715.DERHb", "715.ControllerHb"] },
            { "m": 704, "p": ["WSetEna", "WSetPct", "WSet"], "v": [0, 0, 0], "note": "Release Modbus control" }
          ]
        }
        """;

    public const string Reversion = """
        {
          "name": "Reversion (WSetRvrtTms) conformance",
          "description": "Validates if the dead-man switch actually reverts power: commands -5 % with WSetRvrtTms=10 s, waits for WSetRvrtRem to reach 0 and then up to 10 s more for WSetEna to return to 0.",
          "steps": [
            { "step": "Stop: disable control", "writes": { "704.WSetEna": 0 }, "sleep_ms": 500 },
            { "step": "Config: percent mode, -5 %", "writes": { "704.WSetMod": 0, "704.WSetPct": -5 }, "sleep_ms": 500 },
            { "step": "Enable control", "writes": { "704.WSetEna": 1 }, "sleep_ms": 500 },
            { "step": "Probe: reversion time 10 s", "writes": { "704.WSetRvrtTms": 10 }, "reads": ["704.WSetRvrtRem"], "abort_on_failure": false },
            { "name": "Countdown", "type": "wait_for", "point": "704.WSetRvrtRem", "operator": "<=", "value": 0, "timeout": 20, "interval": 1, "abort_on_failure": false },
            { "name": "Reversion", "type": "wait_for", "point": "704.WSetEna", "value": 0, "timeout": 10, "interval": 1, "abort_on_failure": false },
            { "step": "Evidence: control after expiry", "reads": ["704.WSetEna", "704.WSetPct", "704.WSetRvrtRem"] },
            { "m": 704, "p": ["WSetEna", "WSetPct", "WSet"], "v": [0, 0, 0], "note": "Release Modbus control" }
          ]
        }
        """;

    public const string Ramp = """
        {
          "name": "Ramp rate (WRmp) conformance",
          "description": "Determines if the active power ramp rate is writable: writes WRmp=10 %/s and checks that it reads back.",
          "steps": [
            { "step": "Probe: ramp rate 10 %/s", "writes": { "704.WRmp": 10 }, "abort_on_failure": false },
            { "step": "Evidence: ramp rate", "reads": ["704.WRmp"] },
            { "m": 704, "p": ["WSetEna", "WSetPct", "WSet"], "v": [0, 0, 0], "note": "Release Modbus control" }
          ]
        }
        """;
}
