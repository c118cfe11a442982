namespace EnergyTap.SunPower.Model;

/// <summary>Which local API the PVS firmware offers.</summary>
public enum PvsGeneration
{
    /// <summary>dl_cgi commands without login (firmware before the 2025 LocalAPI change).</summary>
    Legacy,

    /// <summary>LocalAPI varserver: login as ssm_owner, /vars queries (PVS6 build ≥ 61840, PVS5 build ≥ 5408).</summary>
    Varserver,
}
