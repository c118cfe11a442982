namespace EnergyTap.Simulators.Cloud;

/// <summary>A simulated FranklinWH account.</summary>
public sealed record SimulatedAccount(string Email, string Password, IReadOnlyList<SimulatedGateway> Gateways)
{
    /// <summary>Login answers mfaRequired, which EnergyTap cannot complete.</summary>
    public bool RequiresMfa { get; init; }

    public override string ToString() => $"SimulatedAccount {{ Email = {Email}, Gateways = {Gateways.Count} }}";

    public const string DemoEmail = "demo@energytap.invalid";
    public const string DemoPassword = "energytap-demo";

    /// <summary>The account `energytap simulate cloud` prints: three gateways covering the hardware variants.</summary>
    public static SimulatedAccount Demo { get; } = new(DemoEmail, DemoPassword,
    [
        SimulatedGateway.GeneratorV1WithSmartCircuitsV1("10060006A0SIM0000001", "Garage aGate"),
        SimulatedGateway.SmartCircuitsV2("10060006A0SIM0000002", "Barn aGate"),
        SimulatedGateway.Australian("10060006A0SIM0000003", "Sydney aGate"),
    ]);
}
