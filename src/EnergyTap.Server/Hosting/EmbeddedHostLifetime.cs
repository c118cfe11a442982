using Microsoft.Extensions.Hosting;

namespace EnergyTap.Server.Hosting;

/// <summary>
/// The service runs inside a program that owns Ctrl-C and SIGTERM (the CLI stops it through its cancellation
/// token). ASP.NET's default console lifetime would also answer those signals, stopping the web server while
/// the program waits on its own token, and two handlers for one signal is how a stop came to hang.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
