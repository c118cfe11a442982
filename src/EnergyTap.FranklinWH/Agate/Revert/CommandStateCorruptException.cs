namespace EnergyTap.FranklinWH.Agate.Revert;

/// <summary>
/// The command state file cannot be read, so nobody knows whether a command still holds the battery. The file and
/// the problem are properties so a front end can name its own way of checking the battery.
/// </summary>
public sealed class CommandStateCorruptException(string filePath, string problem, Exception? inner = null)
    : AgateException($"the command state file {filePath} is corrupt ({problem}); check whether the aGate is still under Modbus control (704 WSetEna) and delete the file", inner)
{
    public string FilePath { get; } = filePath;

    public string Problem { get; } = problem;
}
