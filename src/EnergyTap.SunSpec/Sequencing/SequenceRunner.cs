using EnergyTap.Modbus;
using EnergyTap.SunSpec.Writing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EnergyTap.SunSpec.Sequencing;

/// <summary>
/// Runs a sequence against a device: validates everything first (nothing is written when anything is wrong), then
/// each step's writes (verified by read-back, polled until verify_timeout_ms), wait_for, reads and sleep. A failing
/// step with abort_on_failure stops the run; an abort in a sequence that wrote model 704 ends with a verified
/// release of control unless <see cref="SequenceRunOptions.ReleaseOnAbort"/> is off.
/// </summary>
public sealed class SequenceRunner(SunSpecDevice device, SequenceRunOptions? options = null)
{
    /// <summary>The writes that give control back: the master switch first, then the setpoints zeroed (WSet too, seed 001).</summary>
    public static IReadOnlyList<(string Point, object Value)> ReleaseWrites { get; } =
        [("704.WSetEna", 0m), ("704.WSetPct", 0m), ("704.WSet", 0m)];

    private readonly SequenceRunOptions options = options ?? new SequenceRunOptions();
    private readonly ILogger logger = options?.Logger ?? NullLogger.Instance;

    private TimeProvider Clock => options.TimeProvider;

    /// <exception cref="SequenceValidationException">The sequence does not fit this device; nothing was written.</exception>
    public async Task<SequenceResult> RunAsync(Sequence sequence, CancellationToken cancellationToken = default)
    {
        SequenceValidator.EnsureValid(sequence, device.Map, device.CurrentInteger);
        var results = new List<StepResult>();
        string? abortReason = null;
        try
        {
            foreach (var step in sequence.Steps)
            {
                Raise(new StepStarting(step, sequence.Steps.Count));
                var result = await RunStepAsync(step, cancellationToken);
                results.Add(result);
                Raise(new StepFinished(result, sequence.Steps.Count));
                if (!result.Succeeded && step.AbortOnFailure)
                {
                    abortReason = $"{step} failed: {result.Error}";
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            await ReleaseAsync(sequence, "the run was cancelled", CancellationToken.None);
            throw;
        }

        var release = abortReason is null ? null : await ReleaseAsync(sequence, abortReason, cancellationToken);
        return new SequenceResult(sequence, results, abortReason is not null, release);
    }

    /// <summary>Runs one step (already validated).</summary>
    public async Task<StepResult> RunStepAsync(SequenceStep step, CancellationToken cancellationToken)
    {
        var started = Clock.GetTimestamp();
        var writes = step.Writes.Count == 0 ? [] : await WriteAsync(step, cancellationToken);
        var error = WriteError(writes);
        WaitResult? wait = null;
        IReadOnlyList<StepReadResult> reads = [];
        if (error is null && step.WaitFor is { } condition)
        {
            wait = await WaitAsync(step, condition, cancellationToken);
            error = wait.Met ? null : $"wait_for {condition} timed out after {condition.Timeout.TotalSeconds:0.###} s (last value {Json.SourceReader.Show(wait.LastValue)}{(wait.Error is null ? "" : $", {wait.Error}")})";
        }

        if (step.Reads.Count > 0)
        {
            try
            {
                var readings = await device.ReadAsync(step.Reads.Select(r => r.Point), cancellationToken);
                reads = [.. readings.Select(r => new StepReadResult(r.Point.FullName, r.Value, r.Display, r.Units))];
                logger.LogInformation("{Step} read {Values}", step.Name, string.Join(", ", reads.Select(r => $"{r.Point}={r.Display}")));
            }
            catch (ModbusException ex)
            {
                error ??= $"reading {string.Join(", ", step.Reads.Select(r => r.Point))} failed: {ex.Message}";
            }
        }

        if (step.Sleep > TimeSpan.Zero)
        {
            await Task.Delay(step.Sleep, Clock, cancellationToken);
        }

        return new StepResult(step, error is null ? StepStatus.Succeeded : StepStatus.Failed)
        {
            Writes = writes,
            Reads = reads,
            Wait = wait,
            Error = error,
            Elapsed = Clock.GetElapsedTime(started),
        };
    }

    private async Task<StepResult?> ReleaseAsync(Sequence sequence, string reason, CancellationToken cancellationToken)
    {
        if (!options.ReleaseOnAbort || !sequence.TouchesModel704 || device.Map.Find(704) is null)
        {
            return null;
        }

        Raise(new ReleasingControl(reason));
        logger.LogWarning("Releasing control after an abort: {Reason}", reason);
        var step = new SequenceStep(sequence.Steps.Count, "Release control (abort)", SourceLocation.BuiltIn)
        {
            Writes = [.. ReleaseWrites.Select(w => new StepWrite(w.Point, w.Value, SourceLocation.BuiltIn))],
        };
        var result = await RunStepAsync(step, cancellationToken);
        Raise(new ControlReleased(result));
        return result;
    }

    private async Task<IReadOnlyList<StepWriteResult>> WriteAsync(SequenceStep step, CancellationToken cancellationToken)
    {
        WriteReport report;
        try
        {
            report = await device.WriteAsync(step.Writes.Select(w => new PointWrite(w.Point, w.Value)), cancellationToken);
        }
        catch (Exception ex) when (ex is ModbusException or SunSpecException)
        {
            // A timeout or broken connection: nothing is known to have been stored.
            return [.. step.Writes.Select(w => new StepWriteResult(w.Point, w.Value, device.Map.Resolve(w.Point).Address, [], StepWriteOutcome.Rejected) { Error = ex.Message })];
        }

        var pending = report.Results.Where(r => r.Outcome == WriteOutcome.Discarded).ToList();
        var deadline = Clock.GetUtcNow() + step.VerifyTimeout;
        while (step.Verify && pending.Count > 0 && Clock.GetUtcNow() < deadline)
        {
            var pause = TimeSpan.FromTicks(Math.Min(options.VerifyPoll.Ticks, (deadline - Clock.GetUtcNow()).Ticks));
            await Task.Delay(pause, Clock, cancellationToken);
            try
            {
                await device.ReadAsync(pending.Select(r => r.Point.FullName), cancellationToken);
            }
            catch (ModbusException ex)
            {
                logger.LogDebug("Verify read failed: {Error}", ex.Message);
                continue;
            }

            pending = [.. pending.Where(r => !Matches(r))];
        }

        var snapshot = device.Latest;
        return [.. report.Results.Select((r, i) => new StepWriteResult(step.Writes[i].Point, step.Writes[i].Value, r.Point.Address, r.Written, Outcome(r, step.Verify, pending))
        {
            ReadBack = r.Outcome is WriteOutcome.Rejected or WriteOutcome.NotAttempted ? null : snapshot.Read(r.Point).Value,
            Error = r.Error,
        })];
    }

    private bool Matches(PointWriteResult result) =>
        device.Latest.Registers.TryGet(result.Point.Address, result.Point.Size, out var actual) && actual.SequenceEqual([.. result.Written]);

    private static StepWriteOutcome Outcome(PointWriteResult result, bool verify, List<PointWriteResult> stillDiffering) => result.Outcome switch
    {
        WriteOutcome.Rejected => StepWriteOutcome.Rejected,
        WriteOutcome.NotAttempted => StepWriteOutcome.NotAttempted,
        _ when !verify => StepWriteOutcome.Unverified,
        WriteOutcome.Discarded when stillDiffering.Contains(result) => StepWriteOutcome.Discarded,
        _ => StepWriteOutcome.Verified,
    };

    private static string? WriteError(IReadOnlyList<StepWriteResult> writes)
    {
        var failed = writes.Where(w => w.Outcome is StepWriteOutcome.Discarded or StepWriteOutcome.Rejected or StepWriteOutcome.NotAttempted).ToList();
        return failed.Count == 0 ? null : string.Join("; ", failed.Select(w => w.Outcome switch
        {
            StepWriteOutcome.Discarded => $"{w.Point}: wrote {Json.SourceReader.Show(w.Requested)}, read back {Json.SourceReader.Show(w.ReadBack)} (silently discarded)",
            StepWriteOutcome.Rejected => $"{w.Point}: rejected: {w.Error}",
            _ => $"{w.Point}: not attempted after an earlier rejection",
        }));
    }

    private async Task<WaitResult> WaitAsync(SequenceStep step, WaitCondition condition, CancellationToken cancellationToken)
    {
        var point = device.Map.Resolve(condition.Point);
        var target = SequenceValidator.WaitTarget(point, condition.Value)!.Value;
        var started = Clock.GetUtcNow();
        object? last = null;
        string? error = null;
        var polls = 0;
        while (true)
        {
            polls++;
            try
            {
                var reading = (await device.ReadAsync([condition.Point], cancellationToken))[0];
                last = reading.Value;
                error = null;
                if (reading.Number is double value && condition.Operator.Holds(value, target))
                {
                    return new WaitResult(condition, true, last, Clock.GetUtcNow() - started, polls);
                }
            }
            catch (ModbusException ex)
            {
                error = ex.Message;
            }

            var elapsed = Clock.GetUtcNow() - started;
            Raise(new WaitPolled(step, last, elapsed));
            if (elapsed >= condition.Timeout)
            {
                return new WaitResult(condition, false, last, elapsed, polls) { Error = error };
            }

            var pause = TimeSpan.FromTicks(Math.Min(condition.Poll.Ticks, (condition.Timeout - elapsed).Ticks));
            await Task.Delay(pause, Clock, cancellationToken);
        }
    }

    private void Raise(SequenceEvent e) => options.OnEvent?.Invoke(e);
}
