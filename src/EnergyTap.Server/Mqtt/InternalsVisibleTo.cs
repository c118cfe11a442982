using System.Runtime.CompilerServices;

// The wire tests check packet encodings byte for byte without making the encoders public API.
[assembly: InternalsVisibleTo("EnergyTap.Server.Tests")]
