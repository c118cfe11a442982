using EnergyTap.SunPower.Politeness;

namespace EnergyTap.SunPower.Tests.Support;

/// <summary>Client options wired to a <see cref="FakePvs"/> and a manual clock, without the pause between requests.</summary>
public static class FakeClient
{
    public const string Address = "http://127.0.0.1:1";

    public static PvsClientOptions Options(FakePvs pvs, ManualTimeProvider time, string? serial = null) => new()
    {
        HttpHandler = pvs,
        TimeProvider = time,
        Serial = serial,
        Politeness = new PolitenessOptions { MinInterval = TimeSpan.Zero },
    };

    public static string SupervisorInfo(string serial, int build, string model = "PVS6") =>
        $$$"""{"result":"succeed","supervisor":{"SERIAL":"{{{serial}}}","MODEL":"{{{model}}}","BUILD":{{{build}}},"SWVER":"x, Build {{{build}}}","FWVER":"1.0.0"}}""";
}
