using System.Runtime.CompilerServices;

// The pure reading logic (e.g. the int16 wrap correction) is tested directly, without making it public API.
[assembly: InternalsVisibleTo("EnergyTap.FranklinWH.Tests")]
