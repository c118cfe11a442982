using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EnergyTap.Modbus;

/// <summary>Where a <see cref="ModbusTcpClient"/> connects and how patient it is.</summary>
public sealed record ModbusClientOptions
{
    /// <summary>Host name or IP address of the device or gateway.</summary>
    public required string Host { get; init; }

    public int Port { get; init; } = 502;

    public ModbusFraming Framing { get; init; } = ModbusFraming.Tcp;

    /// <summary>How long one request waits for its answer. 10 s suits devices on Wi-Fi such as the aGate.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Wait after the first failed connection attempt before trying again; doubles per failure.</summary>
    public TimeSpan ReconnectBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Upper bound for the doubling reconnect wait.</summary>
    public TimeSpan MaxReconnectBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// With TCP framing a timed-out request leaves the connection open (a late answer is recognised by its
    /// transaction id and dropped); after this many timeouts in a row the connection is presumed dead and reopened.
    /// RTU framing cannot recognise late answers, so it always reopens after a timeout.
    /// </summary>
    public int TimeoutsBeforeReconnect { get; init; } = 2;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public ILogger Logger { get; init; } = NullLogger.Instance;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Host);
        ArgumentOutOfRangeException.ThrowIfLessThan(Port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RequestTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConnectTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(ReconnectBackoff, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxReconnectBackoff, ReconnectBackoff);
        ArgumentOutOfRangeException.ThrowIfLessThan(TimeoutsBeforeReconnect, 1);
    }
}
