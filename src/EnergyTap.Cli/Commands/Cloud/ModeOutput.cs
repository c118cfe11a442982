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

        CloudText.Rows(("gateway", gateway), ("mode", info.ActiveMode is { } m ? WorkModeNames.Name(m) : "unknown"), ("reserve", CloudText.Pct(info.ReserveSoc)));
    }
}
