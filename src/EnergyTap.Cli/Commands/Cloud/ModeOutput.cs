using EnergyTap.FranklinWH.Cloud.Modes;

namespace EnergyTap.Cli.Commands.Cloud;

/// <summary>How `mode` and `reserve` report the result, so both say "queued" the same way.</summary>
internal static class ModeOutput
{
    public static void Print(string gateway, ModeChangeResult? change, OperatingModeInfo info)
    {
        if (change == ModeChangeResult.QueuedUntilOnline)
        {
            Console.Out.WriteLine("The aGate is offline: the change is queued and applies when it reconnects (code 176).");
        }

        // The raw numbers stay beside the name: workMode and the profile id (currendId) differ between sources and accounts.
        var active = info.Active;
        var mode = info.ActiveMode is { } m
            ? $"{WorkModeNames.Name(m)} ({(int)m})" + (active is null ? "" : $", profile '{active.Name ?? "?"}' (id {active.Id})")
            : info.ActiveProfileId is { } id ? $"unknown (profile id {id})" : "unknown";
        CloudText.Rows(("gateway", gateway), ("mode", mode), ("reserve", CloudText.Pct(info.ReserveSoc)));
    }
}
