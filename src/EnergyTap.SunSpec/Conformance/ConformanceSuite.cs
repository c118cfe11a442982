using System.Globalization;
using EnergyTap.SunSpec.Sequencing;

namespace EnergyTap.SunSpec.Conformance;

/// <summary>
/// Runs the built-in diagnostics against a device and judges each feature from the read-backs: works, silently
/// discarded, rejected, not implemented, or accepted without effect (a reversion timer that never reverts).
/// Every diagnostic ends by releasing control (704 WSetEna=0, WSetPct=0, WSet=0), and so does an abort.
/// </summary>
public sealed class ConformanceSuite(SunSpecDevice device, ConformanceOptions? options = null)
{
    private const string CountdownStep = "Countdown";
    private const string ReversionStep = "Reversion";

    private readonly ConformanceOptions options = options ?? new ConformanceOptions();

    public async Task<ConformanceReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var findings = new List<ConformanceFinding>();
        var released = false;
        var restorer = new RegisterRestorer(device);
        await restorer.CaptureAsync(ConformanceDiagnostic.All.Select(d => d.Load()), cancellationToken);
        IReadOnlyList<string> notRestored;
        try
        {
        foreach (var diagnostic in ConformanceDiagnostic.All)
        {
            var sequence = WithTimings(diagnostic.Feature == ConformanceDiagnostic.Reversion ? WithReversionTimes(diagnostic.Load()) : diagnostic.Load());
            SequenceResult run;
            try
            {
                run = await new SequenceRunner(device, options.Run).RunAsync(sequence, cancellationToken);
            }
            catch (SequenceValidationException ex)
            {
                findings.Add(new ConformanceFinding(diagnostic.Feature, diagnostic.ProbePoints, ConformanceVerdict.NotImplemented,
                    string.Join("; ", ex.Problems.Select(p => p.Message))));
                continue;
            }

            findings.Add(Judge(diagnostic, run));
            var lastRelease = run.Release ?? run.Steps.LastOrDefault(s => s.Writes.Any(w => w.Point == "704.WSetEna"));
            released = lastRelease is { Succeeded: true };
        }
        }
        finally
        {
            // Also after a failed check or a cancelled run: the device is left as the run found it.
            notRestored = await restorer.RestoreAsync();
        }

        return new ConformanceReport(findings, released) { NotRestored = notRestored };
    }

    private Sequence WithTimings(Sequence sequence) => sequence with
    {
        Steps = [.. sequence.Steps.Select(step => step with
        {
            VerifyTimeout = options.VerifyTimeout ?? step.VerifyTimeout,
            Sleep = options.Settle ?? step.Sleep,
        })],
    };

    /// <summary>The reversion diagnostic with this suite's timer and grace instead of the file's 10 s and 10 s.</summary>
    public Sequence WithReversionTimes(Sequence sequence)
    {
        var seconds = (decimal)Math.Max(1, Math.Round(options.ReversionTime.TotalSeconds));
        return sequence with
        {
            Steps = [.. sequence.Steps.Select(step => step switch
            {
                { WaitFor: { } wait } when step.Name == CountdownStep => step with { WaitFor = wait with { Timeout = options.ReversionTime + options.ReversionGrace } },
                { WaitFor: { } wait } when step.Name == ReversionStep => step with { WaitFor = wait with { Timeout = options.ReversionGrace } },
                _ when IsProbe(step) => step with
                {
                    Name = $"{ConformanceDiagnostic.ProbePrefix} reversion time {seconds} s",
                    Writes = [.. step.Writes.Select(w => w.Point == "704.WSetRvrtTms" ? w with { Value = seconds } : w)],
                },
                _ => step,
            })],
        };
    }

    private static ConformanceFinding Judge(ConformanceDiagnostic diagnostic, SequenceResult run)
    {
        var probes = run.Steps.Where(s => IsProbe(s.Step)).SelectMany(s => s.Writes).Where(w => diagnostic.ProbePoints.Contains(w.Point)).ToList();
        var evidence = probes.Count == 0
            ? "the probe did not run" + (run.Aborted ? $" (aborted: {run.Steps.LastOrDefault()?.Error})" : "")
            : string.Join("; ", probes.Select(Evidence));
        var verdict = probes.Count == 0 ? ConformanceVerdict.Rejected
            : probes.Any(p => p.Outcome is StepWriteOutcome.Rejected or StepWriteOutcome.NotAttempted) ? ConformanceVerdict.Rejected
            : probes.Any(p => p.Outcome == StepWriteOutcome.Discarded) ? ConformanceVerdict.SilentlyDiscarded
            : ConformanceVerdict.Works;
        var finding = new ConformanceFinding(diagnostic.Feature, diagnostic.ProbePoints, verdict, evidence) { Run = run };
        return diagnostic.Feature switch
        {
            ConformanceDiagnostic.ActivePower when verdict == ConformanceVerdict.Works => finding with { Note = SignNote(run) },
            ConformanceDiagnostic.Reversion when verdict == ConformanceVerdict.Works => JudgeReversion(finding, run),
            _ => finding,
        };
    }

    private static ConformanceFinding JudgeReversion(ConformanceFinding finding, SequenceResult run)
    {
        var countdown = run.Step(CountdownStep)?.Wait;
        var reversion = run.Step(ReversionStep)?.Wait;
        var remaining = run.Steps.Where(IsProbe).SelectMany(s => s.Reads).FirstOrDefault(r => r.Point == "704.WSetRvrtRem")?.Display ?? "-";
        var after = run.Steps.LastOrDefault(s => s.Reads.Count > 0 && s.Step.Name.StartsWith("Evidence", StringComparison.Ordinal))?.Reads ?? [];
        var state = string.Join(", ", after.Where(r => r.Point is "704.WSetEna" or "704.WSetPct").Select(r => $"{r.Point}={r.Display}"));
        if (reversion?.Met == true)
        {
            return finding with { Evidence = $"{finding.Evidence}; WSetRvrtRem {remaining} → 0; WSetEna returned to 0 after {Seconds(reversion.Elapsed)} past expiry" };
        }

        var counted = countdown?.Met == true ? $"WSetRvrtRem counted down from {remaining} to 0" : $"WSetRvrtRem did not reach 0 (started at {remaining}, last {SourceShow(countdown?.LastValue)})";
        return finding with
        {
            Verdict = ConformanceVerdict.AcceptedWithoutEffect,
            Evidence = $"{finding.Evidence}; {counted}; {Seconds(reversion?.Elapsed ?? TimeSpan.Zero)} after expiry control was still on ({state}): it never reverts",
            Note = "Revert in software (e.g. a sequence that releases control at the end); the device will hold the command indefinitely.",
        };
    }

    private static string SignNote(SequenceResult run)
    {
        var dcw = run.Steps.SelectMany(s => s.Reads).FirstOrDefault(r => r.Point == "714.DCW")?.Value is { } v ? Convert.ToDouble(v, CultureInfo.InvariantCulture) : (double?)null;
        return dcw switch
        {
            < -50 => $"WSetPct -10 % charged the battery (714.DCW {dcw:0} W): the sign is inverted, negative WSetPct = charge, positive = discharge",
            > 50 => $"WSetPct -10 % discharged the battery (714.DCW {dcw:0} W): negative WSetPct = discharge (with negative DCW = charging)",
            null => "714.DCW could not be read, so the WSetPct sign was not observed",
            _ => $"714.DCW stayed near 0 W ({dcw:0} W): the battery did not move, so the WSetPct sign was not observed (full, empty or reserve reached?)",
        };
    }

    private static string Evidence(StepWriteResult write) => write.Outcome switch
    {
        StepWriteOutcome.Rejected => $"wrote {write.Point}={SourceShow(write.Requested)}: rejected ({write.Error})",
        StepWriteOutcome.NotAttempted => $"{write.Point}: not attempted after an earlier rejection",
        _ => $"wrote {write.Point}={SourceShow(write.Requested)}, read back {(write.ReadBack is null ? "not implemented" : SourceShow(write.ReadBack))}",
    };

    private static bool IsProbe(SequenceStep step) => step.Name.StartsWith(ConformanceDiagnostic.ProbePrefix, StringComparison.Ordinal);

    private static bool IsProbe(StepResult step) => IsProbe(step.Step);

    private static string Seconds(TimeSpan span) => $"{span.TotalSeconds:0.#} s";

    private static string SourceShow(object? value) => value is string s ? s : Sequencing.Json.SourceReader.Show(value);
}
