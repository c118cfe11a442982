using System.Text;

namespace EnergyTap.SunPower.Tests.Support;

/// <summary>Payload files in Fixtures/, written from the seed documents' examples.</summary>
public static class Fixture
{
    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static byte[] Bytes(string name) => Encoding.UTF8.GetBytes(Text(name));
}
