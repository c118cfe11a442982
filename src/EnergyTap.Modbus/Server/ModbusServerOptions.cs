using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EnergyTap.Modbus.Server;

/// <summary>Where a <see cref="ModbusTcpServer"/> listens and how it treats its clients.</summary>
public sealed record ModbusServerOptions
{
    /// <summary>Address and port to bind; port 0 picks a free port (see <see cref="ModbusTcpServer.LocalEndpoint"/>).</summary>
    public IPEndPoint Endpoint { get; init; } = new(IPAddress.Loopback, 502);

    public ModbusFraming Framing { get; init; } = ModbusFraming.Tcp;

    /// <summary>Clients connected at once; further connections are closed straight away.</summary>
    public int MaxConnections { get; init; } = 64;

    /// <summary>A client silent this long is disconnected. <see cref="Timeout.InfiniteTimeSpan"/> keeps it forever.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public ModbusUnknownUnitResponse UnknownUnitResponse { get; init; } = ModbusUnknownUnitResponse.GatewayTargetFailedToRespond;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public ILogger Logger { get; init; } = NullLogger.Instance;
}
